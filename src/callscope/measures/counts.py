"""Additive counts per sentence, and the measures derived from summed counts.

Every level (turn, speaker, exchange, section, call) is a sum of sentence counts, and shares, tone
and Fog are computed from the sums, never averaged, so a call's figure equals what the published
procedure gives on the call's whole text.
"""

from __future__ import annotations

import struct
from collections import Counter
from operator import itemgetter

from .. import lexicons
from . import forward, readability
from .lm import LMDictionary
from .packed import BITS, TokenTable
from .tokenize import DIGIT, LM_MAY, MONTH_MAY, number_count, token_counts

Tally = dict[str, int]
MODES = ("reference", "transcript")


class LMCounter:
    """LM category counts for one dictionary and one mode (`reference` = LM's procedure unchanged)."""

    def __init__(self, lm: LMDictionary, mode: str = "reference") -> None:
        if mode not in MODES:
            raise ValueError(f"lm mode must be one of {MODES}, not {mode!r}")
        self.lm, self.mode = lm, mode
        self.categories = lm.categories
        masks = lm.masks
        if mode == "transcript":
            masks = dict(masks)
            for word, category, *_ in lexicons.load("lm_transcript_adjustments").entries:
                if word in masks and category in lm.categories:
                    masks[word] &= ~(1 << lm.categories.index(category))
        # Only dictionary words LM would count: not digits, longer than one character.
        self.masks = {w: m for w, m in masks.items() if len(w) > 1 and not w.isdigit()}
        self._month_rule = "reference" if mode == "reference" else "month"
        self.month_pattern = LM_MAY if mode == "reference" else MONTH_MAY

    def count(self, text: str) -> Tally:
        """`words` (LM's word count: tokens in the dictionary) and one count per category."""
        masks = self.masks
        words = 0
        per_mask: Counter[int] = Counter()
        for token, n in token_counts(text, self._month_rule).items():
            m = masks.get(token)
            if m is not None:
                words += n
                if m:
                    per_mask[m] += n
        out = {"words": words}
        for i, c in enumerate(self.categories):
            bit = 1 << i
            out[c] = sum(n for m, n in per_mask.items() if m & bit)
        return out


SENTENCE_FIELDS = ("sentences", "numbers", "forward_looking", "non_answer_sentences")
RECORD_CACHE_LIMIT = 100_000  # distinct sentence-record count combinations kept (Layout.record_fields)


class Layout:
    """Every count of a sentence in one int, 32 bits each: `packed.TokenTable`'s fields, then SENTENCE_FIELDS.

    Sentences, turns and groups of turns add up as single ints and are read back once per level, so no
    per-sentence dict is built or summed key by key (a level's fields would need 2**32 tokens to carry).
    """

    def __init__(self, categories: tuple[str, ...]) -> None:
        self.categories = categories
        self.fields = ("words", *categories, "all_words", "complex_words", *SENTENCE_FIELDS)
        self.one = {k: 1 << (BITS * i) for i, k in enumerate(self.fields)}
        self.forward_index = self.fields.index("forward_looking")
        self._struct = struct.Struct(f"<{len(self.fields)}I")
        field = (1 << BITS) - 1
        # the fields a sentence record shows: words, categories, forward_looking (see record_fields)
        self.record_part = (1 << (BITS * (len(categories) + 1))) - 1 | field << (BITS * self.forward_index)
        self._records: dict[int, dict[str, int | bool]] = {}
        # what `derive` reads, by position: COUNT_KEYS, each category with its share key, positive and negative
        at = {f: i for i, f in enumerate(self.fields)}
        self._count_keys = itemgetter(*(at[k] for k in COUNT_KEYS))
        self._shares = tuple((c, f"{c}_share") for c in categories)
        self._tone_at = tuple(at.get(c, -1) for c in ("positive", "negative"))

    def counts(self, packed: int) -> tuple[int, ...]:
        """The fields' values in `fields` order (an overflow of the last field raises)."""
        return self._struct.unpack(packed.to_bytes(self._struct.size, "little"))

    def derive(self, packed: int) -> dict[str, float | int | None]:
        """Counts plus shares (per LM word), net tone, Fog, forward-looking share and numbers density, read from the
        fields by position (a tally dict read by name cost ~2% of the measures stage)."""
        counts = self.counts(packed)
        words, sentences, all_words, complex_words, numbers, forward_looking, non_answer = self._count_keys(counts)
        out: dict[str, float | int | None] = {
            "words": words,
            "sentences": sentences,
            "all_words": all_words,
            "complex_words": complex_words,
            "numbers": numbers,
            "forward_looking": forward_looking,
            "non_answer_sentences": non_answer,
        }
        for (c, share), n in zip(self._shares, counts[1:], strict=False):  # the categories follow `words`
            out[c] = n
            out[share] = n / words if words else None
        p, q = self._tone_at
        pos = counts[p] if p >= 0 else 0
        neg = counts[q] if q >= 0 else 0
        out["net_tone"] = ratio(pos - neg, pos + neg)
        out["net_tone_per_word"] = ratio(pos - neg, words)
        out["fog"] = readability.fog(all_words, complex_words, sentences)
        out["forward_looking_share"] = ratio(forward_looking, sentences)
        out["numbers_per_word"] = ratio(numbers, all_words)
        return out

    def tally(self, packed: int) -> Tally:
        return dict(zip(self.fields, self.counts(packed), strict=True))

    def record_fields(self, packed: int) -> dict[str, int | bool]:
        """A sentence record's counts (`levels.SentenceRecord.to_dict`): words, the non-zero categories, forward_looking.

        Memoised on those fields alone (`record_part`): a corpus has a few thousand distinct combinations
        and sentences repeat them ~10 times each, so most records copy a ready dict instead of unpacking
        and filtering. Callers must copy the dict, never change it.
        """
        key = packed & self.record_part
        out = self._records.get(key)
        if out is None:
            counts = self.counts(key)
            out = {"words": counts[0], **{c: n for c, n in zip(self.categories, counts[1:], strict=False) if n}}
            out["forward_looking"] = bool(counts[self.forward_index])
            if len(self._records) < RECORD_CACHE_LIMIT:
                self._records[key] = out
        return out


class SentenceScorer:
    """Everything counted for one sentence: LM counts, Fog inputs, numbers, forward-looking flag.

    One pass over the tokens gives LM's and Fog's counts (`packed.TokenTable`); LM's text differs
    from Fog's only where the month rule drops a `May`, and only then is it tokenized separately.
    """

    def __init__(self, lm_counter: LMCounter) -> None:
        self.lm = lm_counter
        self.syllables = lm_counter.lm.syllables
        self.layout = Layout(lm_counter.categories)
        one = self.layout.one
        self._sentence, self._number, self._forward = one["sentences"], one["numbers"], one["forward_looking"]
        # The table counts forward-looking cue words in the forward_looking field; packed() turns that into the flag.
        cues = forward.cue_prefixes() or ()
        self._cue_field = ((1 << BITS) - 1) * self._forward if cues else 0
        shift = BITS * self.layout.forward_index
        self.table = TokenTable(lm_counter.masks, self.syllables, len(lm_counter.categories), cues, shift)
        self._month = lm_counter.month_pattern

    def packed(self, sentence: str) -> int:
        """The sentence's counts as one int (see `Layout`)."""
        table = self.table
        packed = table.total(sentence.upper())
        # both month rules match only where `May` or `MAY` is: two substring scans spare most sentences the regex
        if ("May" in sentence or "MAY" in sentence) and (month := self._month).search(sentence) is not None:
            # LM's fields from the text without the month, Fog's from all of it
            lm_part = table.lm_part
            packed = packed & ~lm_part | table.total(month.sub(" ", sentence).upper()) & lm_part
        packed += self._sentence
        if DIGIT.search(sentence):  # LM's numbers all hold a digit
            packed += number_count(sentence) * self._number
        # the rule is "a cue and not the past form"; on ASCII text the table has counted the cue already
        cue_field = self._cue_field
        cues = packed & cue_field
        packed -= cues
        cue = bool(cues) if cue_field and sentence.isascii() else forward.has_cue(sentence)
        if cue and not forward.is_past(sentence):
            packed += self._forward
        return packed

    def score(self, sentence: str) -> Tally:
        return self.layout.tally(self.packed(sentence))


def ratio(a: float, b: float) -> float | None:
    return a / b if b else None


COUNT_KEYS = ("words", "sentences", "all_words", "complex_words", "numbers", "forward_looking", "non_answer_sentences")
