from storylens.clean import clean_text, outlet_from_url, parse_date, repair_mojibake


def test_mojibake_is_repaired_and_quotes_kept_curly():
    raw = "Kerry said it was \u00e2\u20ac\u0153a little bit of progress\u2020on resolving it. Lavrov said: \u00e2\u20ac\u0153Ask the Americans.\u00e2\u20ac"
    fixed = repair_mojibake(raw)
    assert "\u00e2" not in fixed and "\u2020" not in fixed
    assert "\u201ca little bit of progress\u201d on resolving" in fixed
    assert fixed.endswith("\u201cAsk the Americans.\u201d")


def test_header_url_numbers_caption_and_dateline_become_metadata():
    raw = (
        "https://www.yahoo.com/news/heaviest-russian-raids-days-syrias-aleppo-112755354.html\n180\n18\n"
        "Soldiers advance in Bustan al-Basha on October 6, 2016 (AFP Photo/George Ourfalian)\n\n"
        "Aleppo (Syria) (AFP) - Regime ally Russia carried out its heaviest strikes on Tuesday.\n\n"
        "- Children caught in crossfire -\n\nMore text follows here today.\n"
    )
    r = clean_text(raw)
    assert r.url.startswith("https://www.yahoo.com/")
    assert r.outlet == "Yahoo News" and r.agency == "AFP" and r.dateline == "Aleppo (Syria)"
    assert r.text == "Regime ally Russia carried out its heaviest strikes on Tuesday.\nMore text follows here today."
    assert r.published == "2016-10-06" and r.published_inferred
    assert r.captions and "AFP Photo" in r.captions[0]


def test_boilerplate_lines_are_dropped_and_credits_read():
    raw = ("Syrian government forces advance on rebel-held Aleppo\n\nTanks crossed the frontline.\n\n"
           "READ MORE: Syrian army advances as 'Aleppo carnage' sparks fury\n\nShort link:\n\n"
           "A toddler was rescued from a rubble building in Aleppo. Video: Reuters\n\n"
           "The White Helmets said the toll rose.\n\nSource: Al Jazeera, News Agencies\n")
    r = clean_text(raw)
    assert r.title == "Syrian government forces advance on rebel-held Aleppo"
    assert r.text == "Tanks crossed the frontline.\nThe White Helmets said the toll rose."
    assert r.outlet == "Al Jazeera"


def test_agency_byline_with_date():
    r = clean_text("Russia offers to secure rebel evacuation\n\nAFP , Thursday 13 Oct 2016\n\nRussia said Thursday it was ready.")
    assert (r.agency, r.published, r.published_inferred) == ("AFP", "2016-10-13", False)
    assert r.text == "Russia said Thursday it was ready."


def test_wire_dateline_with_date():
    r = clean_text("EU citizens favor euro\n\nBRUSSELS, January 22 (Xinhua) -- Two polls showed support.")
    assert (r.dateline, r.agency, r.text) == ("BRUSSELS", "Xinhua", "Two polls showed support.")


def test_parse_date_and_outlets():
    assert parse_date("Thursday 13 Oct 2016") == "2016-10-13"
    assert parse_date("on October 6, 2016 (AFP)") == "2016-10-06"
    assert parse_date("2016-02-30") is None
    assert outlet_from_url("https://www.aljazeera.com/news/x.html") == "Al Jazeera"
    assert outlet_from_url("https://example.org/a") == "example.org"


def test_ap_underscore_dateline_and_its_date_kept():
    r = clean_text("Myanmar military won't convene parliament\n\nYANGON, Myanmar (AP) _ Suu Kyi offered Thursday to talk.")
    assert (r.dateline, r.agency, r.text) == ("YANGON, Myanmar", "AP", "Suu Kyi offered Thursday to talk.")
    r = clean_text("Euro trading\n\nBRUSSELS, May 2 (Xinhua) -- Trading will begin on Monday.")
    assert (r.dateline, r.dateline_date) == ("BRUSSELS", "May 2")


def test_a_single_line_is_text_not_a_title():
    r = clean_text("This week's police beat features a man desperate to drive and a sister")
    assert r.text == "This week's police beat features a man desperate to drive and a sister" and r.title == ""
