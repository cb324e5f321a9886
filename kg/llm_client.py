"""Settings and HTTP client for the optional language-model extractor (``kg build --extractor llm``).

One client for any server that speaks the OpenAI-compatible ``/v1/chat/completions`` API
(Ollama, vLLM, llama.cpp's server, LM Studio, hosted APIs). Answers are cached on disk, keyed
by model, prompt and settings, so a rebuild sends nothing and gives the same graph. Requests
that fail with 429, 5xx, a timeout or a dropped connection are retried with exponential
back-off; a request that still fails is counted, never raised: the build does not fail
because of the model.

The API key is read from an environment variable (``api_key_env``, default
``KG_LLM_API_KEY``) at request time and sent only in the Authorization header; it is never
stored in a setting, a cache file, the graph or a message.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import KgError, data_error
from .types import Setting

EXTRACTORS = ("rules", "llm", "both")
STRUCTURED = ("auto", "on", "off")
CONFIG_FILE = "kg.toml"
MAX_ANSWER_BYTES = 8 * 1024 * 1024  # a chat answer is far smaller; more is a broken or hostile server




SETTINGS = (
    Setting("extractor", "rules", "Which extractor finds facts: rules (kg's patterns), llm (a language model) or both."),
    Setting("url", "", "Base URL of an OpenAI-compatible server, e.g. http://localhost:11434/v1 (Ollama)."),
    Setting("model", "", "Model name the server knows, e.g. qwen2.5:7b-instruct."),
    Setting("api_key_env", "KG_LLM_API_KEY", "Environment variable holding the API key (the key itself is never written anywhere)."),
    Setting("temperature", 0.0, "Sampling temperature sent with each request."),
    Setting("max_tokens", 2048, "Most tokens the model may answer per request."),
    Setting("window", 3, "Sentences sent per request (the text goes in windows of this many sentences)."),
    Setting("concurrency", 4, "Requests in flight at the same time."),
    Setting("timeout", 120.0, "Seconds to wait for one answer."),
    Setting("retries", 4, "Retries of a request that failed with 429, 5xx, a timeout or a dropped connection."),
    Setting("retry_wait", 1.0, "Seconds before the first retry; doubled at each retry (a Retry-After header wins, up to 60 s)."),
    Setting("structured", "auto", "JSON-schema structured output: auto (ask, fall back when the server refuses), on, off."),
    Setting("confidence", 0.8, "Confidence of a fact only the model found, before doubts (quote matched only after normalisation, "
                               "an argument outside the quote or unknown to the lexicon: x0.9 each); below the candidate "
                               "threshold of data/patterns.yaml (0.75) the fact is a candidate, not asserted."),
    Setting("cache_dir", ".kg-cache/llm", "Folder of cached answers (relative to the current folder)."),
    Setting("offline", False, "Use cached answers only; send no request."),
)

_SECRET_KEYS = {"api_key", "apikey", "key", "token", "password", "secret", "authorization"}
# What a corpus's manifest may not choose: where the documents and the key go, which environment
# variable is sent as the key, and where files are written. These come from you (flags, kg.toml).
_NOT_FROM_MANIFEST = ("url", "api_key_env", "cache_dir")


@dataclass(frozen=True)
class LlmConfig:
    """The extractor settings (see ``SETTINGS`` for their meaning and defaults)."""

    extractor: str = "rules"
    url: str = ""
    model: str = ""
    api_key_env: str = "KG_LLM_API_KEY"
    temperature: float = 0.0
    max_tokens: int = 2048
    window: int = 3
    concurrency: int = 4
    timeout: float = 120.0
    retries: int = 4
    retry_wait: float = 1.0
    structured: str = "auto"
    confidence: float = 0.8
    cache_dir: str = ".kg-cache/llm"
    offline: bool = False

    @property
    def uses_llm(self) -> bool:
        return self.extractor in ("llm", "both")

    @property
    def endpoint(self) -> str:
        url = self.url.rstrip("/")
        return url if url.endswith("/chat/completions") else url + "/chat/completions"


class LlmConfigError(KgError):
    """A setting of the language-model extractor is missing or invalid (exit 2)."""


def _check(values: dict, where: str, path: Path | None) -> dict:
    """Type-check settings read from ``where``; unknown keys and keys that look like secrets fail."""
    kinds = {s.name: type(s.default) for s in SETTINGS}
    out = {}
    for key, value in values.items():
        key = str(key).replace("-", "_")
        if key.lower() in _SECRET_KEYS:
            msg = (f"{where}: '{key}' looks like an API key; kg never reads keys from files. "
                   "Put the key in an environment variable and name it with api_key_env (default KG_LLM_API_KEY)")
            raise data_error(path, msg, "Remove the key from the file") if path else LlmConfigError(msg + ".")
        if key not in kinds:
            problem = f"{where}: unknown setting '{key}'"
            fix = f"Use one of: {', '.join(kinds)}"
            raise data_error(path, problem, fix) if path else LlmConfigError(f"{problem}. {fix}.")
        kind = kinds[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            problem = f"{where}: '{key}' should be {kind.__name__}, got {value!r}"
            fix = f"Write {key} as a {kind.__name__}"
            raise data_error(path, problem, fix) if path else LlmConfigError(f"{problem}. {fix}.")
        out[key] = value
    return out


def _from_manifests(paths: list[Path]) -> dict:
    """Settings from the manifests of the corpus folders: a top-level ``extractor:`` and an ``llm:`` mapping."""
    from . import resources

    out: dict = {}
    folders = [p if p.is_dir() else p.parent for p in paths] or [resources.corpus_dir()]
    for folder in folders:
        manifest = folder / "manifest.yaml"
        if not manifest.is_file():
            continue
        data = resources.load_yaml(manifest)
        if not isinstance(data, dict):
            continue
        found = dict(data.get("llm") or {}) if isinstance(data.get("llm") or {}, dict) else None
        if found is None:
            raise data_error(manifest, "'llm' should be a mapping of settings", "Write llm: {url: ..., model: ...}")
        if "extractor" in data:
            found["extractor"] = data["extractor"]
        for key in _NOT_FROM_MANIFEST:
            if key in found:
                raise data_error(manifest, f"llm settings: '{key}' cannot be set by a corpus manifest",
                                 f"Give it with --llm-{key.replace('_', '-')} or under [llm] in kg.toml" if key == "url"
                                 else "Set it under [llm] in kg.toml")
        out.update(_check(found, "llm settings", manifest))
    return out


def _from_toml(path: Path) -> dict:
    """Settings from ``kg.toml``: a top-level ``extractor`` and an ``[llm]`` table."""
    if not path.is_file():
        return {}
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise data_error(path, f"invalid TOML: {exc}", "Fix the syntax (see the README, 'Bring your own model')")
    table = data.get("llm") or {}
    if not isinstance(table, dict):
        raise data_error(path, "'llm' should be a table", "Write the settings under [llm]")
    found = dict(table)
    if "extractor" in data:
        found["extractor"] = data["extractor"]
    return _check(found, "llm settings", path)


def load_config(paths: list[Path] = (), flags: dict | None = None, config_file: Path | None = None) -> LlmConfig:
    """The settings in force: defaults, then the corpus manifests, then ``kg.toml`` (current folder),
    then the command-line flags (``None`` = not given). The user's own file and flags win over a corpus's manifest."""
    values: dict = {}
    values.update(_from_manifests(list(paths)))
    values.update(_from_toml(config_file or Path(CONFIG_FILE)))
    values.update(_check({k: v for k, v in (flags or {}).items() if v is not None}, "command line", None))
    cfg = replace(LlmConfig(), **values)
    return validate(cfg)


def validate(cfg: LlmConfig) -> LlmConfig:
    if cfg.extractor not in EXTRACTORS:
        raise LlmConfigError(f"extractor '{cfg.extractor}' is unknown. Use one of: {', '.join(EXTRACTORS)}.")
    if cfg.structured not in STRUCTURED:
        raise LlmConfigError(f"structured '{cfg.structured}' is unknown. Use one of: {', '.join(STRUCTURED)}.")
    if not cfg.uses_llm:
        return cfg
    if not cfg.model:
        raise LlmConfigError(f"--extractor {cfg.extractor} needs a model: give --llm-model NAME "
                             "(or model = \"...\" under [llm] in kg.toml).")
    if not cfg.url and not cfg.offline:
        raise LlmConfigError(f"--extractor {cfg.extractor} needs a server: give --llm-url, e.g. http://localhost:11434/v1 "
                             "(or url = \"...\" under [llm] in kg.toml).")
    if cfg.url and not cfg.url.startswith(("http://", "https://")):
        raise LlmConfigError(f"--llm-url '{cfg.url}' is not an http(s) URL. Give e.g. http://localhost:11434/v1.")
    for name, low in (("window", 1), ("concurrency", 1), ("max_tokens", 1), ("retries", 0)):
        if getattr(cfg, name) < low:
            raise LlmConfigError(f"setting {name} = {getattr(cfg, name)} should be at least {low}.")
    if not 0 <= cfg.confidence <= 1:
        raise LlmConfigError(f"setting confidence = {cfg.confidence} should be between 0 and 1.")
    if cfg.timeout <= 0 or cfg.retry_wait < 0:
        raise LlmConfigError("settings timeout and retry_wait should be positive numbers of seconds.")
    return cfg


def request_settings(cfg: LlmConfig) -> dict:
    """The settings that shape an answer besides the messages (part of the cache key); no URL, no key."""
    return {"model": cfg.model, "temperature": cfg.temperature, "max_tokens": cfg.max_tokens,
            "structured": cfg.structured}


def settings_record(cfg: LlmConfig) -> dict:
    """The settings that shape the model's facts (recorded in the graph): the request's, the window, the confidence."""
    return dict(request_settings(cfg), window=cfg.window, confidence=cfg.confidence)


# ---------------------------------------------------------------- the client


@dataclass(frozen=True)
class Answer:
    """One answer: its text (None when every attempt failed), token usage, where it came from."""

    content: str | None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached: bool = False
    error: str = ""  # why there is no content: "timeout", "http 500", "connection", "not cached (offline)" ...


@dataclass
class ClientStats:
    """What this run cost: requests sent (retries included), answers from the cache, failures."""

    requests: int = 0
    cache_hits: int = 0
    retries: int = 0
    failed: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    failures: dict = field(default_factory=dict)  # reason -> count
    structured_fallback: bool = False


class _Retry(Exception):
    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.reason, self.wait = reason, wait


class _Fail(Exception):
    pass


class ChatClient:
    """Chat completions with a disk cache, retries and counters; safe to call from several threads."""

    def __init__(self, cfg: LlmConfig, sleep=time.sleep):
        self.cfg = cfg
        self.stats = ClientStats()
        self._lock = threading.Lock()
        self._structured = cfg.structured != "off"
        self._sleep = sleep

    # -------------------------------------------------------- cache
    def cache_key(self, messages: list[dict], schema: dict) -> str:
        payload = {"settings": request_settings(self.cfg), "messages": messages,
                   "schema": schema if self.cfg.structured != "off" else None}
        return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()

    def _cache_path(self, key: str) -> Path:
        return Path(self.cfg.cache_dir) / key[:2] / f"{key}.json"

    def _cached(self, key: str) -> Answer | None:
        path = self._cache_path(key)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            content = entry["content"]
            if not isinstance(content, str):
                return None
            usage = entry.get("usage") or {}
            return Answer(content, int(usage.get("prompt_tokens", 0)), int(usage.get("completion_tokens", 0)), cached=True)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # no entry (or a damaged one): ask again

    def _store(self, key: str, answer: Answer) -> None:
        path = self._cache_path(key)
        entry = {"model": self.cfg.model, "content": answer.content,
                 "usage": {"prompt_tokens": answer.prompt_tokens, "completion_tokens": answer.completion_tokens}}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
            tmp.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass  # an unwritable cache costs a request next time, not the build

    # -------------------------------------------------------- requests
    def complete(self, messages: list[dict], schema: dict) -> Answer:
        """The model's answer to ``messages`` (from the cache when it has it)."""
        key = self.cache_key(messages, schema)
        hit = self._cached(key)
        if hit is not None:
            with self._lock:
                self.stats.cache_hits += 1
            return hit
        if self.cfg.offline:
            return self._failed("not cached (offline)")
        for attempt in range(self.cfg.retries + 1):
            try:
                answer = self._post(messages, schema)
            except _Retry as r:
                if attempt == self.cfg.retries:
                    return self._failed(r.reason)
                with self._lock:
                    self.stats.retries += 1
                self._sleep(r.wait if r.wait is not None else self.cfg.retry_wait * (2 ** attempt))
                continue
            except _Fail as f:
                return self._failed(str(f))
            self._store(key, answer)
            return answer
        return self._failed("no answer")  # pragma: no cover (the loop always returns)

    def _failed(self, reason: str) -> Answer:
        with self._lock:
            self.stats.failed += 1
            self.stats.failures[reason] = self.stats.failures.get(reason, 0) + 1
        return Answer(None, error=reason)

    def _body(self, messages, schema, structured: bool) -> bytes:
        body = {"model": self.cfg.model, "messages": messages, "temperature": self.cfg.temperature,
                "max_tokens": self.cfg.max_tokens, "stream": False}
        if structured:
            body["response_format"] = {"type": "json_schema",
                                       "json_schema": {"name": "kg_facts", "schema": schema, "strict": False}}
        return json.dumps(body, ensure_ascii=False).encode("utf-8")

    def _post(self, messages, schema) -> Answer:
        import socket
        import urllib.error
        import urllib.request

        structured = self._structured
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        key = os.environ.get(self.cfg.api_key_env, "") if self.cfg.api_key_env else ""
        if key:
            headers["Authorization"] = f"Bearer {key}"
        request = urllib.request.Request(self.cfg.endpoint, data=self._body(messages, schema, structured),
                                         headers=headers, method="POST")
        with self._lock:
            self.stats.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=self.cfg.timeout) as response:
                raw = response.read(MAX_ANSWER_BYTES + 1)
        except urllib.error.HTTPError as exc:
            status = exc.code
            retry_after = _retry_after(exc.headers.get("Retry-After") if exc.headers else None)
            exc.close()
            if status == 429 or status >= 500:
                raise _Retry(f"http {status}", retry_after)
            if status in (400, 422) and structured and self.cfg.structured == "auto":
                with self._lock:  # the server does not take response_format: ask for plain JSON
                    self._structured = False
                    self.stats.structured_fallback = True
                return self._post(messages, schema)
            raise _Fail(f"http {status}")
        except (socket.timeout, TimeoutError):
            raise _Retry("timeout")
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (socket.timeout, TimeoutError)):
                raise _Retry("timeout")
            raise _Retry("connection")
        except (ConnectionError, OSError):
            raise _Retry("connection")
        if len(raw) > MAX_ANSWER_BYTES:
            raise _Fail("answer too large")
        try:
            data = json.loads(raw.decode("utf-8"))
            content = data["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise _Fail("not a chat-completions answer")
        if not isinstance(content, str):
            raise _Fail("not a chat-completions answer")
        usage = data.get("usage") or {}
        answer = Answer(content, _int(usage.get("prompt_tokens")), _int(usage.get("completion_tokens")))
        with self._lock:
            self.stats.prompt_tokens += answer.prompt_tokens
            self.stats.completion_tokens += answer.completion_tokens
        return answer


def _int(v) -> int:
    return v if isinstance(v, int) and not isinstance(v, bool) else 0


def _retry_after(value) -> float | None:
    try:
        return min(60.0, max(0.0, float(value)))
    except (TypeError, ValueError):
        return None


def parse_json(content: str):
    """The JSON in a model's answer, tolerantly: bare, in a ``` fence, or after some prose.
    Returns None when there is none."""
    text = re.sub(r"<think>.*?</think>", "", content, flags=re.S).strip()  # a reasoning model's thoughts
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
        text = text.rsplit("```", 1)[0]
    try:
        return json.loads(text)
    except ValueError:
        pass
    decoder = json.JSONDecoder()
    first = None
    for i, ch in enumerate(text):
        if ch in "{[":
            try:
                value = decoder.raw_decode(text, i)[0]
            except ValueError:
                continue
            if isinstance(value, dict) and "facts" in value:
                return value
            first = value if first is None else first
    return first


__all__ = ["Answer", "ChatClient", "ClientStats", "LlmConfig", "LlmConfigError", "SETTINGS", "load_config", "parse_json"]
