using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// The child-protection file for people (a school without Caseload, the receiving DSL's own reading): an A4 PDF of the
/// chronology in the order things happened, that opens only with the transfer's pass-phrase (AES-256, PDF 2.0 security).
/// Text is set in DejaVu Sans when the server has it (Debian's fonts-dejavu-core), else in the font PDFsharp ships.
/// </summary>
public static class ChildProtectionFilePdf
{
    private const string Family = "CaseloadText";
    private const double Margin = 50, Width = 595 - 2 * Margin, Bottom = 842 - 60;

    static ChildProtectionFilePdf()
    {
        if (GlobalFontSettings.FontResolver is null)
        {
            GlobalFontSettings.FontResolver = new Fonts();
        }
    }

    public static byte[] Render(ChildProtectionFile file, string passPhrase)
    {
        var document = new PdfDocument();
        document.Info.Title = "Child-protection file";
        document.Info.Creator = "Caseload";
        var writer = new Writer(document, file);
        writer.Heading($"Child-protection file: {file.Student.Name}", 16);
        writer.Line($"Date of birth {file.Student.DateOfBirth:d MMMM yyyy} · UPN {file.Student.Upn}" + (file.Student.Group is { } g ? $" · tutor group {g}" : "")
            + (file.Student.LeftOn is { } left ? $" · left on {left:d MMMM yyyy}" : ""));
        writer.Line($"From {file.FromSchool}" + (file.FromPerson is { } p ? $" ({p})" : "") + $", prepared {file.PreparedAt:d MMMM yyyy 'at' HH:mm}.");
        writer.Line($"Key fingerprint {file.KeyFingerprint}. Receipt code (give it to the sender to confirm receipt): {file.ReceiptCode}.");
        writer.Line("Confidential. Keep separately from the main pupil file; share only on a need-to-know basis (Keeping Children Safe in Education).");
        Chronology(writer, file);
        foreach (var earlier in file.Earlier)
        {
            writer.Heading($"Received earlier from {earlier.FromSchool}" + (earlier.FromPerson is { } ep ? $" ({ep})" : "") + $", prepared {earlier.PreparedAt:d MMMM yyyy}", 13);
            Chronology(writer, earlier);
        }
        writer.Finish();
        document.SecuritySettings.UserPassword = passPhrase.Trim();
        document.SecuritySettings.OwnerPassword = TransferBundle.NewPassPhrase();
        document.SecurityHandler.SetEncryptionToV5();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static void Chronology(Writer w, ChildProtectionFile file)
    {
        var lines = file.Concerns.Select(c => (On: c.OccurredOn, At: c.RecordedAt, Concern: (ChildProtectionFile.Concern?)c, Entry: (ChildProtectionFile.Entry?)null))
            .Concat(file.Entries.Select(e => (On: e.OccurredOn, At: e.RecordedAt, Concern: (ChildProtectionFile.Concern?)null, Entry: (ChildProtectionFile.Entry?)e)))
            .OrderBy(l => l.On).ThenBy(l => l.At).ToList();
        if (lines.Count == 0)
        {
            w.Line("Nothing recorded.");
        }
        foreach (var (on, at, concern, entry) in lines)
        {
            if (concern is { } c)
            {
                w.Heading($"{on:d MMMM yyyy}{(c.OccurredAt is { } t ? $" {t:HH:mm}" : "")} — concern reported by {c.RecordedBy} ({c.Urgency.ToLowerInvariant()}, {c.Status.ToLowerInvariant()})", 11);
                w.Line($"Categories: {string.Join(", ", c.Categories)}. Recorded {at:d MMMM yyyy HH:mm}." + (c.RecordedForAnotherChild ? " Recorded for another child; this child was involved." : "")
                    + (c.OtherChildren > 0 ? $" Other children involved: {c.OtherChildren} (not named)." : ""));
                w.Field("What happened", c.What);
                w.Field("Where", c.Place);
                w.Field("Who was present", c.Present);
                w.Field("The child's words", c.ChildsWords);
                w.Field("How the child seemed", c.Demeanour);
                foreach (var m in c.Marks)
                {
                    w.Field($"Body map mark {m.Number} ({m.Side.ToLowerInvariant()}, {m.Region})", m.Note);
                }
                foreach (var a in c.Attachments)
                {
                    w.Line($"File kept with the concern: {a.FileName} ({(a.Content.Length < 1024 ? $"{a.Content.Length:N0} bytes" : $"{a.Content.Length / 1024.0:N0} KB")}; in the Caseload bundle).");
                }
            }
            else if (entry is { } e)
            {
                var what = e.Kind switch
                {
                    "Triage" => $"decision: {e.Decision}",
                    "Action" => $"action for {e.Owner}" + (e.DueOn is { } due ? $", due {due:d MMMM yyyy}" : "") + (e.DoneAt is { } done ? $", done {done:d MMMM yyyy}" : ", not done"),
                    "AgencyReferral" => $"referral to {e.Agency}" + (e.Reference is { } r ? $" (reference {r})" : "") + (e.Consent is { } consent ? consent ? ", with consent" : ", without consent" : ""),
                    "Monitoring" => e.DueOn is { } review ? $"monitoring, review {review:d MMMM yyyy}" : "monitoring ended",
                    "Closed" => "concern closed",
                    _ => "note",
                };
                w.Heading($"{on:d MMMM yyyy} — {what} ({e.RecordedBy})", 11);
                w.Field(null, e.Text);
                w.Field("On completing", e.DoneNote);
            }
        }
    }

    private sealed class Writer
    {
        private readonly PdfDocument _document;
        private readonly ChildProtectionFile _file;
        private readonly XFont _text = new(Family, 10, XFontStyleEx.Regular);
        private XGraphics _gfx = null!;
        private double _y;
        private int _page;

        public Writer(PdfDocument document, ChildProtectionFile file)
        {
            (_document, _file) = (document, file);
            NewPage();
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            var page = _document.AddPage();
            page.Width = XUnit.FromPoint(595);
            page.Height = XUnit.FromPoint(842);
            _gfx = XGraphics.FromPdfPage(page);
            _page++;
            var small = new XFont(Family, 8, XFontStyleEx.Regular);
            _gfx.DrawString($"CONFIDENTIAL — child-protection file — {_file.Student.Name} — page {_page.ToString(CultureInfo.InvariantCulture)}", small, XBrushes.Gray, Margin, 842 - 30);
            _y = Margin;
        }

        public void Heading(string text, double size)
        {
            _y += size * 0.6;
            Wrap(text, new XFont(Family, size, XFontStyleEx.Bold), size * 1.3);
        }

        public void Line(string text) => Wrap(text, _text, 13);

        public void Field(string? label, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }
            Wrap(label is null ? value : $"{label}: {value}", _text, 13);
        }

        private void Wrap(string text, XFont font, double leading)
        {
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' '))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (line.Length > 0 && _gfx.MeasureString(candidate, font).Width > Width)
                    {
                        Draw(line, font, leading);
                        line = word;
                    }
                    else
                    {
                        line = candidate;
                    }
                    while (_gfx.MeasureString(line, font).Width > Width && line.Length > 1)
                    {
                        // A single word wider than the page: break it.
                        var fits = line.Length - 1;
                        while (fits > 1 && _gfx.MeasureString(line[..fits], font).Width > Width)
                        {
                            fits--;
                        }
                        Draw(line[..fits], font, leading);
                        line = line[fits..];
                    }
                }
                Draw(line, font, leading);
            }
        }

        private void Draw(string line, XFont font, double leading)
        {
            if (_y + leading > Bottom)
            {
                NewPage();
            }
            _y += leading;
            _gfx.DrawString(line, font, XBrushes.Black, Margin, _y);
        }

        public void Finish() => _gfx.Dispose();
    }

    /// <summary>DejaVu Sans from the server's fonts when present, else the Segoe WP faces PDFsharp ships.</summary>
    private sealed class Fonts : IFontResolver
    {
        private static readonly string[] Folders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts"];

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "bold" : "regular");

        public byte[]? GetFont(string faceName)
        {
            var file = faceName == "bold" ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
            foreach (var folder in Folders)
            {
                var path = Path.Combine(folder, file);
                if (File.Exists(path))
                {
                    return File.ReadAllBytes(path);
                }
            }
            return faceName == "bold" ? PdfSharp.WPFonts.FontDataHelper.SegoeWPBold : PdfSharp.WPFonts.FontDataHelper.SegoeWP;
        }
    }
}
