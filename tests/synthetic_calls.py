"""Small synthetic calls for a fictional company (Northwind Instruments), written by the project."""

from __future__ import annotations


def dash_call(answer: str, question: str = "Could you give us more color on the margin outlook?", remarks: str = "") -> str:
    """A `Name - Title` call: optional prepared remarks, then one analyst question and the CFO's answer."""
    lines = ["Northwind Instruments Q3 2031 Earnings Call", ""]
    if remarks:
        lines += [
            "Operator",
            "Welcome to the Northwind Instruments third quarter call.",
            "Dana Reyes - Chief Executive Officer",
            remarks,
        ]
    lines += [
        "Operator",
        "Our first question comes from the line of Sam Ortiz with Harbor Securities.",
        "Sam Ortiz - Analyst",
        question,
        "Lee Park - Chief Financial Officer",
        answer,
    ]
    return "\n".join(lines) + "\n"
