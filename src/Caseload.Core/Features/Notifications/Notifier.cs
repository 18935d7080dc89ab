using System.Globalization;
using System.Net.Mail;
using System.Text;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Caseload.Core.Features.Notifications;

/// <summary>
/// E-mail settings (section <c>Email</c>). <see cref="Mode"/>: <c>Off</c> (the default: the inbox is the only notice),
/// <c>Smtp</c> (send through <see cref="Host"/>), or <c>FileDrop</c> (write each message as an .eml file into
/// <see cref="DropFolder"/>, for development and tests).
/// </summary>
public sealed class EmailOptions
{
    public string Mode { get; set; } = "Off";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool Ssl { get; set; } = true;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "caseload@localhost";
    public string? DropFolder { get; set; }
    /// <summary>The address staff open Caseload at, for the link in each message.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>
/// Tells staff by e-mail (when turned on) that something arrived in their inbox: a referral sent to them or their team, a
/// case handed to them. Messages carry a link and the kind of thing only — never a student's name or what was written
/// (e-mail leaves the building); the page behind the link applies the usual access rules. A failed send never fails
/// the change that caused it: it is logged (without addresses) and the inbox still shows it.
/// </summary>
public sealed class Notifier(CaseloadDbContext db, EmailOptions options, TimeProvider clock, ILogger<Notifier> log)
{
    public bool Enabled => !string.Equals(options.Mode, "Off", StringComparison.OrdinalIgnoreCase);

    public async Task ReferralAsync(Referral r, CancellationToken ct = default)
    {
        if (!Enabled)
        {
            return;
        }
        var to = r.ToStaffId is { } person
            ? await db.Staff.Where(s => s.Id == person && s.Active).Select(s => new { s.Id, s.Email }).ToListAsync(ct)
            : await db.Staff.Where(s => s.InstitutionId == r.InstitutionId && s.Active && s.Roles.Any(x => x.Role == r.ToRole)).Select(s => new { s.Id, s.Email }).ToListAsync(ct);
        var urgent = r.Urgency == Urgency.Urgent ? "Urgent: " : "";
        foreach (var s in to)
        {
            await SendAsync(s.Id, s.Email, $"{urgent}a new {(r.Restricted ? "safeguarding concern" : "referral")} in Caseload",
                $"A {(r.Restricted ? "safeguarding concern" : "referral")} has been sent to {(r.ToStaffId is null ? "your team" : "you")} in Caseload.\r\n\r\nOpen it: {options.BaseUrl.TrimEnd('/')}/referrals/{r.Id}\r\n", ct);
        }
    }

    public async Task CaseHandedOverAsync(long caseId, int ownerStaffId, CancellationToken ct = default)
    {
        if (!Enabled)
        {
            return;
        }
        var s = await db.Staff.Where(x => x.Id == ownerStaffId && x.Active).Select(x => new { x.Id, x.Email }).FirstOrDefaultAsync(ct);
        if (s is not null)
        {
            await SendAsync(s.Id, s.Email, "A case has been handed to you in Caseload",
                $"A case in the staged intervention procedure is now yours.\r\n\r\nOpen it: {options.BaseUrl.TrimEnd('/')}/cases/{caseId}\r\n", ct);
        }
    }

    /// <summary>A subject teacher is asked for a reference contribution (decision 0021): the link and the due date, never the
    /// student's name.</summary>
    public async Task ContributionAskedAsync(long contributionId, int teacherStaffId, DateOnly dueOn, CancellationToken ct = default)
    {
        if (!Enabled)
        {
            return;
        }
        var s = await db.Staff.Where(x => x.Id == teacherStaffId && x.Active).Select(x => new { x.Id, x.Email }).FirstOrDefaultAsync(ct);
        if (s is not null)
        {
            await SendAsync(s.Id, s.Email, "A reference contribution is asked of you in Caseload",
                $"A tutor asks for your contribution to a student's reference: a short paragraph about them in your subject and a predicted grade, by {dueOn.ToString("dddd d MMMM", CultureInfo.GetCultureInfo("en-GB"))}.\r\n\r\n"
                + $"Write it: {options.BaseUrl.TrimEnd('/')}/references/contributions/{contributionId}\r\n", ct);
        }
    }

    /// <summary>
    /// Wrong passwords or codes have started to slow an account down: its holder and the institution's administrators are
    /// told, so someone notices an attack (or a forgotten password) the same morning. No address or time of the attempts.
    /// </summary>
    public async Task SignInSlowedAsync(CaseloadUser user, CancellationToken ct = default)
    {
        if (!Enabled)
        {
            return;
        }
        var holder = await db.Staff.Where(s => s.Id == user.StaffId).Select(s => new { s.Id, s.InstitutionId, Name = s.FirstName + " " + s.LastName }).FirstOrDefaultAsync(ct);
        if (holder is null)
        {
            return;
        }
        var link = options.BaseUrl.TrimEnd('/');
        await SendAsync(holder.Id, user.Email, "Wrong passwords for your Caseload account",
            $"Several wrong passwords or codes in a row were entered for your Caseload account, so it now waits a little longer after each one.\r\n\r\n"
            + $"If that was you, wait a few minutes and try again. If it was not, tell your Caseload administrator. A browser you have signed in with before is not held up.\r\n\r\nSign in: {link}/sign-in\r\n", ct);
        var admins = await db.Staff.Where(s => s.InstitutionId == holder.InstitutionId && s.Active && s.Id != holder.Id && s.Roles.Any(r => r.Role == Roles.Administrator))
            .Select(s => new { s.Id, s.Email }).ToListAsync(ct);
        foreach (var admin in admins)
        {
            await SendAsync(admin.Id, admin.Email, "Wrong passwords for a Caseload account",
                $"Several wrong passwords or codes in a row were entered for the Caseload account of {holder.Name}, so it now waits a little longer after each one.\r\n\r\n"
                + $"If they did not forget their password, someone may be guessing it: the waits end by themselves, and `caseload users reset` gives the account a new password and ends its sessions.\r\n", ct);
        }
    }

    private async Task SendAsync(int staffId, string? address, string subject, string body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return;
        }
        try
        {
            using var message = new MailMessage(options.From, address, subject, body);
            if (string.Equals(options.Mode, "FileDrop", StringComparison.OrdinalIgnoreCase))
            {
                var folder = options.DropFolder ?? Path.Combine(Path.GetTempPath(), "caseload-mail");
                Directory.CreateDirectory(folder);
                var eml = new StringBuilder()
                    .Append(CultureInfo.InvariantCulture, $"From: {options.From}\r\nTo: {address}\r\nSubject: {subject}\r\nDate: {clock.GetUtcNow():R}\r\n")
                    .Append("Content-Type: text/plain; charset=utf-8\r\n\r\n").Append(body).ToString();
                await File.WriteAllTextAsync(Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml"), eml, ct);
                return;
            }
            using var client = new SmtpClient(options.Host ?? throw new InvalidOperationException("Email:Host is not set"), options.Port) { EnableSsl = options.Ssl };
            if (options.User is not null)
            {
                client.Credentials = new System.Net.NetworkCredential(options.User, options.Password);
            }
            await client.SendMailAsync(message, ct);
        }
        catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException or UnauthorizedAccessException or FormatException)
        {
            // No address or content in the log: only who (by id) and why.
            log.LogWarning("E-mail to staff {StaffId} not sent: {Error}", staffId, e.GetType().Name);
        }
    }
}
