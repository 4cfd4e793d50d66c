"""A spaCy component that finds reported figures and parses value, bounds, qualifier, kind and unit.

`nlp.add_pipe("quantities")` after the tagger, parser and ner: figures are read from the text (figures.py),
dates, years, ordinals, references ("Resolution 2286") and names ("COVID-19") are set aside, and the
counted noun is read from the part-of-speech tags and the dependency parse.

Writes `doc.spans[span_key]` (default "quantities"): one span per figure, covering qualifier, number and unit.
Each span carries plain, serialisable values (they survive `Doc.to_bytes`, `DocBin` and `nlp.pipe(n_process=N)`):
- `span._.quantity`: a dict with the fields of `extract.models.Quantity` (number, value, low, high, qualifier,
  kind, unit, and start, end, number_start, number_end as character offsets into `doc.text`);
- `span._.subject`: the counted noun phrase ("families of the missing"), or None.
"""

from extract.parsing.quantities.recognizer import QuantityRecognizer, make_quantity_recognizer

__all__ = ["QuantityRecognizer", "make_quantity_recognizer"]
