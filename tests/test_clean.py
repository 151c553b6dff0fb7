from storylens.ingest.clean import clean_text, outlet_from_url, parse_date, repair_mojibake


def test_mojibake_is_repaired_and_quotes_kept_curly():
    raw = ("Kerry said it was \u00e2\u20ac\u0153a little bit of progress\u2020on resolving it. "
           "Lavrov said: \u00e2\u20ac\u0153Ask the Americans.\u00e2\u20ac")
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


def test_a_one_line_record_ending_in_a_credit_is_story_text_not_a_caption():
    one = ("Waldbrand bei Athen: Tausende fliehen vor den Flammen Die Feuerwehr kämpfte am Montag gegen einen "
           "Waldbrand nordöstlich von Athen, mehrere Dörfer wurden geräumt. (AFP/dpa/jW)")
    r = clean_text(one)
    assert r.text == one and r.captions == []
    # the same credit line among other lines is still a caption
    r = clean_text("Die Feuerwehr kämpfte am Montag gegen einen Waldbrand.\n\nFlammen über Athen (AFP/dpa/jW)")
    assert r.text == "Die Feuerwehr kämpfte am Montag gegen einen Waldbrand."
    assert r.captions == ["Flammen über Athen (AFP/dpa/jW)"]


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
    r = clean_text("Russia offers to secure rebel evacuation\n\nAFP , Thursday 13 Oct 2016\n\n"
                   "Russia said Thursday it was ready.")
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
    r = clean_text("Myanmar military won't convene parliament\n\n"
                   "YANGON, Myanmar (AP) _ Suu Kyi offered Thursday to talk.")
    assert (r.dateline, r.agency, r.text) == ("YANGON, Myanmar", "AP", "Suu Kyi offered Thursday to talk.")
    r = clean_text("Euro trading\n\nBRUSSELS, May 2 (Xinhua) -- Trading will begin on Monday.")
    assert (r.dateline, r.dateline_date) == ("BRUSSELS", "May 2")


def test_a_single_line_is_text_not_a_title():
    r = clean_text("This week's police beat features a man desperate to drive and a sister")
    assert r.text == "This week's police beat features a man desperate to drive and a sister" and r.title == ""


def test_tokenized_url_line_is_metadata_not_title():
    # tokenized corpora (ECB+) write a page's URL with spaces around its punctuation
    raw = ("http: / / www. cnn. com / 2009 / POLITICS / 03 / 03 / endangered. species. act /\n"
           "Obama overturns Bush endangered species rule\n"
           "updated 8: 41 p. m. EST, Tue March 3, 2009\n"
           "President Obama on Tuesday overturned a last-minute Bush rule. Scientists welcomed it.\n")
    r = clean_text(raw)
    assert r.url == "http://www.cnn.com/2009/POLITICS/03/03/endangered.species.act/"
    assert r.title == "Obama overturns Bush endangered species rule"
    assert r.published == "2009-03-03" and not r.published_inferred
    assert r.text == "President Obama on Tuesday overturned a last-minute Bush rule. Scientists welcomed it."
    assert "http" not in r.text and "updated" not in r.text


def test_header_date_lines_date_the_page():
    from storylens.ingest.clean import _date_line

    cases = {
        "Published: August 7, 2012": "2012-08-07",
        "Posted on Thu Jun 13, 2013 08: 45 AM PDT": "2013-06-13",
        "DECEMBER 16, 2008": "2008-12-16",
        "Last updated 13: 26 14 / 09 / 2013": "2013-09-14",  # day first when the day cannot be a month
        "04 / 28 / 09 07: 35 PM ET": "2009-04-28",
        "Monday 16 September 2013 03. 31 BST": "2013-09-16",
    }
    for line, iso in cases.items():
        assert _date_line(line) == iso, line
    # a sentence that mentions a date is text, not a date line
    for line in ("Obama wins on May 5, 2012", "The vote on 5 May 2010 was close", "May 2012"):
        assert _date_line(line) is None, line
    r = clean_text("Fire destroys dairy building\nPublished: August 7, 2012\n"
                   "The building burned down. Nobody was hurt.")
    assert r.published == "2012-08-07" and r.title == "Fire destroys dairy building"
    assert r.text == "The building burned down. Nobody was hurt."


def test_a_title_made_from_the_url_is_marked_and_a_given_or_found_title_is_not():
    from storylens.ingest.build import article_from_text

    url = "https://www.yahoo.com/news/heaviest-russian-raids-days-syrias-aleppo-112755354.html"
    body = "Russian warplanes carried out their heaviest strikes in days on Aleppo on Thursday, a monitor said."
    a = article_from_text(url + "\n" + body, id="x")
    assert a.title == "Heaviest russian raids days syrias aleppo" and a.title_inferred
    b = article_from_text(url + "\n" + body, id="y", title="Russia pounds Aleppo")
    assert b.title == "Russia pounds Aleppo" and not b.title_inferred
    c = article_from_text(url + "\nRussia pounds Aleppo\n" + body, id="z")
    assert c.title == "Russia pounds Aleppo" and not c.title_inferred


def test_a_share_bar_inside_a_line_or_as_a_line_is_dropped_and_prose_naming_the_services_kept():
    raw = ("Trelew: delincuentes asaltaron una lanera WhatsApp Facebook Twitter Pinterest Linkedin Tumblr "
           "enviado por la policía durante la noche.\n\nFacebook | Twitter | Email\n\n"
           "The company posted the video on Facebook, Twitter and Instagram on Monday.")
    r = clean_text(raw)
    assert r.text == ("Trelew: delincuentes asaltaron una lanera enviado por la policía durante la noche.\n"
                      "The company posted the video on Facebook, Twitter and Instagram on Monday.")
    assert "WhatsApp Facebook Twitter Pinterest Linkedin Tumblr" in r.dropped


def test_a_cookie_banner_is_dropped_in_any_language_and_the_headline_glued_to_it_kept():
    de = ("Einigung über erste schwarz-grüne Regierung in Österreich\nOK\n\nWir verwenden auf unserer Webseite "
          "Cookies und pseudonyme Analysetechniken. Zudem messen und werten wir die Besuche aus. Weitere "
          "Informationen finden Sie in unseren Datenschutzhinweisen.\n\nZur Datenschutzerklärung\n\n"
          "Die ÖVP und die Grünen haben sich auf eine Regierung geeinigt.")
    r = clean_text(de)
    assert r.title == "Einigung über erste schwarz-grüne Regierung in Österreich"
    assert r.text == "OK\nDie ÖVP und die Grünen haben sich auf eine Regierung geeinigt."
    pl = ("Media: Negocjacje handlowe USA i Wielkiej Brytanii przełożone Aby poprawić swoją witrynę, zbieramy "
          "anonimowe informacje techniczne. Szczegółowy opis można znaleźć w polityce prywatności.A opis "
          "technologii znajdziesz w użyciu plików cookie. W polityce prywatności.")
    assert clean_text(pl).text == "Media: Negocjacje handlowe USA i Wielkiej Brytanii przełożone Aby poprawić"


def test_a_notice_glued_to_the_story_text_goes_up_to_its_last_phrase_and_the_site_named_after_it():
    ar = ("بعد تعافيها من كورونا .. إيمان العاصي: مستعدة للتبرع ببلازما الدم للمصابين أنا معجب بشروك بالفعل، "
          "هذه الرسالة لا تظهر مرة أخرى.سجل الإعجاب الخاص بك مع صفحتنا على Facebook للحصول على المزيد من الفنان "
          "إيمان آسي، الاستعداد للتبرع بدم البلازما.")
    r = clean_text(ar)
    assert "Facebook" not in r.text and "لا تظهر" not in r.text
    assert r.text.startswith("بعد تعافيها من كورونا .. إيمان العاصي: مستعدة للتبرع ببلازما الدم للمصابين للحصول")
    assert r.text.endswith("الاستعداد للتبرع بدم البلازما.")


def test_one_notice_phrase_in_a_news_sentence_is_story_text():
    raw = ("The company said in its newsletter that sales rose.\n\n"
           "Facebook changed its privacy policy on Tuesday, the regulator said. Shares fell.")
    r = clean_text(raw)
    assert r.text == raw.replace("\n\n", "\n") and r.dropped == []
