"""The printable evidence pack of one number (fpdf2: pure Python, no system libraries)."""

from fpdf import FPDF
from fpdf.enums import XPos, YPos

_NEXT_LINE = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}


def _latin1(text: str) -> str:
    # The core fonts are Latin-1; anything else (emoji in a shopper's reply) is shown as "?".
    return str(text).encode("latin-1", "replace").decode("latin-1")


def evidence_pdf(*, store_name: str, record: dict, generated_at: str) -> bytes:
    pdf = FPDF(format="A4")
    # Uncompressed: a few pages at most, and the words stay searchable by any tool that reads the file.
    pdf.set_compression(False)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.cell(0, 9, _latin1(f"SMS compliance evidence - {store_name}"), **_NEXT_LINE)
    pdf.set_font("Helvetica", size=10)
    chain = record["chain"]
    lines = [
        f"Number: {record['phone']}",
        f"Generated: {generated_at}",
        f"Evidence chain: {chain['algorithm']}, {chain['length']} links, head {chain['head'] or '-'}",
        "Chain verified: "
        + ("YES - no link changed or removed" if chain["valid"] else "NO - tampering found"),
    ]
    for line in lines:
        pdf.cell(0, 6, _latin1(line), **_NEXT_LINE)
    _section(pdf, "Consent events (exact wording shown, when and where)")
    for event in record["consent_events"]:
        where = ", ".join(x for x in (event.get("source"), event.get("ip_address")) if x)
        _entry(
            pdf, f"{event['occurred_at']}  {event['kind'].upper()}  ({where})", event.get("text_shown") or ""
        )
        if event["kind"] == "revoked":
            _entry(pdf, "", "Took effect at once: pending cart texts cancelled, nothing sent after it.")
    _section(pdf, "Texts, each with the rule that allowed it")
    for message in record["messages"]:
        _entry(pdf, f"{message['sent_at']}  {message['direction'].upper()}", message["body"])
        _entry(pdf, "", f"Decision: {message['decision']}")
    return bytes(pdf.output())


def _section(pdf: FPDF, title: str) -> None:
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, _latin1(title), **_NEXT_LINE)
    pdf.set_font("Helvetica", size=9)


def _entry(pdf: FPDF, heading: str, text: str) -> None:
    if heading:
        pdf.set_font("Helvetica", "B", 9)
        pdf.multi_cell(0, 5, _latin1(heading), **_NEXT_LINE)
        pdf.set_font("Helvetica", size=9)
    if text:
        pdf.multi_cell(0, 5, _latin1(text), **_NEXT_LINE)
