

def test_a_sentence_that_opens_with_the_whole_year_dates_its_figures_by_the_year():
    text = ("Huawei today announced its results for the fourth quarter and the full year 2017.\n"
            "For the full year, Huawei posted revenue of $92 billion, up 16% year on year.")
    found = facts(text, "en", organisation="huawei")
    assert _periods(found, "Revenue") == {"2017"}
    # an opening clause that tells a figure of its own is no such opening
    text = ("Huawei today announced its results for the fourth quarter of 2017.\n"
            "In the quarter revenue was $25 billion, and it rose 10%.")
    assert _periods(facts(text, "en", organisation="huawei"), "Revenue") == {"2017-Q4"}
