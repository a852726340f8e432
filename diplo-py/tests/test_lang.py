"""The language layer on its own: quantities, dates and sentences, with
code point offsets into the text exactly as passed (NFD included)."""
import unicodedata

import diplo


def test_quantities_give_values_and_spans():
    text = "Kim ngạch đạt 205,2 tỷ USD, tăng 8-10%; khoảng 1.700 doanh nghiệp tham gia."
    qs = diplo.find_quantities(text)
    by_text = {q["text"]: q for q in qs}
    usd = next(q for q in qs if q["unit"] == "USD")
    assert usd["value"] == 205.2e9 and text[usd["start"]:usd["end"]] == usd["text"]
    pct = next(q for q in qs if q["unit"] == "percent")
    assert (pct["value"], pct["range_end"]) == (8, 10)
    assert any(q["value"] == 1700 and q["qualifier"] == "about" for q in qs), by_text


def test_spans_point_into_decomposed_text():
    text = unicodedata.normalize("NFD", "Ngày 22/7/2025, kiều hối đạt hơn 16 tỷ USD.")
    for found in (diplo.find_quantities(text), diplo.find_temporals(text)):
        assert found
        for item in found:
            assert text[item["start"]:item["end"]] == item["text"]
    date = diplo.find_temporals(text)[0]
    assert date["date"] == "2025-07-22"


def test_many_matches_keep_their_own_text():
    """Each match is sliced where it stands (a long text of many figures
    once rebuilt every match's text from the start)."""
    text = "".join(f"Dự án {i} đạt {i} tỷ USD ngày {1 + i % 28}/3/2025. " for i in range(1, 2001))
    qs = [q for q in diplo.find_quantities(text) if q["unit"] == "USD"]
    assert [q["value"] for q in qs] == [i * 1e9 for i in range(1, 2001)]
    assert all(text[q["start"]:q["end"]] == q["text"] for q in qs)
    days = [t for t in diplo.find_temporals(text) if t["text"].startswith("ngày")]
    assert len(days) == 2000 and days[-1]["text"] == "ngày 13/3/2025"
    assert all(text[t["start"]:t["end"]] == t["text"] for t in days)
