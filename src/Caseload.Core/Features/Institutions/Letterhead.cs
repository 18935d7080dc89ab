using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Institutions;

/// <summary>
/// The head of the institution's letters: its name, its address and contact lines, and its logo. Administrators set
/// them (with the letter templates); every printed letter carries them.
/// </summary>
public sealed class Letterhead(CaseloadDbContext db, TimeProvider clock)
{
    /// <summary>Lines under the name at most (an address, a telephone number, a website).</summary>
    public const int MaxLines = 6;

    public sealed record Head(string Name, IReadOnlyList<string> Lines, bool HasLogo);

    public async Task<Head> ReadAsync(int institutionId, CancellationToken ct = default)
    {
        var i = await db.Institutions.AsNoTracking().Where(x => x.Id == institutionId).Select(x => new { x.Name, x.Letterhead }).SingleAsync(ct);
        var hasLogo = await db.InstitutionLogos.AnyAsync(l => l.InstitutionId == institutionId, ct);
        return new Head(i.Name, Split(i.Letterhead), hasLogo);
    }

    public async Task<byte[]?> LogoAsync(int institutionId, CancellationToken ct = default) =>
        await db.InstitutionLogos.AsNoTracking().Where(l => l.InstitutionId == institutionId).Select(l => l.Png).FirstOrDefaultAsync(ct);

    /// <param name="logo">A new logo (JPEG or PNG), or null to keep the one there is.</param>
    /// <param name="removeLogo">Letters without a logo from now on.</param>
    public async Task SaveAsync(Viewer viewer, string? lines, byte[]? logo, bool removeLogo, CancellationToken ct = default)
    {
        viewer.Demand(Operation.EditLetters);
        var text = string.Join('\n', Split(lines));
        if (text.Length > Institution.LetterheadLength)
        {
            throw new ValidationException($"the address and contact lines are {text.Length} characters; expected at most {Institution.LetterheadLength}");
        }
        if (Split(lines).Count > MaxLines)
        {
            throw new ValidationException($"the address and contact lines are {Split(lines).Count} lines; expected at most {MaxLines}");
        }
        Images.Picture? picture = null;
        if (logo is { Length: > 0 })
        {
            try
            {
                picture = Images.Fit(logo, InstitutionLogo.MaxWidth, InstitutionLogo.MaxHeight, png: true);
            }
            catch (ValidationException e)
            {
                throw new ValidationException($"the logo cannot be used: {e.Message}");
            }
        }
        var institution = await db.Institutions.SingleAsync(i => i.Id == viewer.InstitutionId, ct);
        institution.Letterhead = text.Length == 0 ? null : text;
        var current = await db.InstitutionLogos.FirstOrDefaultAsync(l => l.InstitutionId == viewer.InstitutionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (picture is not null)
        {
            if (current is null)
            {
                db.InstitutionLogos.Add(new InstitutionLogo { InstitutionId = viewer.InstitutionId, Png = picture.Bytes, Width = picture.Width, Height = picture.Height, UpdatedAt = now });
            }
            else
            {
                (current.Png, current.Width, current.Height, current.UpdatedAt) = (picture.Bytes, picture.Width, picture.Height, now);
            }
        }
        else if (removeLogo && current is not null)
        {
            db.InstitutionLogos.Remove(current);
        }
        await db.SaveChangesAsync(ct);
    }

    // Lines as typed, each trimmed, without blank ones; control characters (other than line breaks) become spaces.
    private static List<string> Split(string? text) =>
        [.. new string([.. (text ?? "").Select(c => c == '\n' || !char.IsControl(c) ? c : ' ')]).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
