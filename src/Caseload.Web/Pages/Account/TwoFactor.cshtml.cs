using System.Globalization;
using System.Text;
using Caseload.Core.Domain;
using Caseload.Core.Features.Users;
using Caseload.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Caseload.Web.Pages.Account;

/// <summary>
/// Setting up two-factor sign-in with an authenticator app: scan the QR code (or type the key), confirm with a code,
/// keep the recovery codes. Compulsory for roles the institution names; open to everyone.
/// </summary>
public sealed class TwoFactorModel(UserManager<CaseloadUser> users, SignInManager<CaseloadUser> signIn, TwoFactorSettings settings,
    ILogger<TwoFactorModel> logger) : PageModel
{
    private const int RecoveryCodeCount = 10;

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string Key { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];
    public string? Problem { get; private set; }

    [BindProperty] public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!user.TwoFactorEnabled)
        {
            if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                Problem = code.Length == 0
                    ? "Enter the 6-digit code your authenticator app shows for Caseload"
                    : "That code is not right. Check the app shows Caseload, and enter the 6 digits it shows now.";
                logger.LogWarning("Two-factor set-up code refused: account {UserId}", user.Id);
                await LoadAsync(user, ct);
                return Page();
            }
            await users.SetTwoFactorEnabledAsync(user, true);
            logger.LogInformation("Two-factor sign-in turned on: account {UserId}", user.Id);
        }
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        // The security stamp changed: re-issue this session's cookie (without the set-up mark) so it stays signed in.
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user, ct);
        return Page();
    }

    private async Task LoadAsync(CaseloadUser user, CancellationToken ct)
    {
        Enabled = user.TwoFactorEnabled;
        Required = await settings.RequiredForStaffAsync(user.StaffId, ct);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            // Making a key changes the account's security stamp, which would end this very session at its next check
            // (within a minute: while the user is still scanning the code). Re-issue the cookie with the new stamp.
            await signIn.RefreshSignInAsync(user);
        }
        Key = Grouped(key);
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString("Caseload:" + user.Email)}?secret={key}&issuer=Caseload&digits=6");
        var png = new PngByteQRCode(QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M)).GetGraphic(5);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private static string Grouped(string key)
    {
        var lower = key.ToLowerInvariant();
        var text = new StringBuilder();
        for (var i = 0; i < lower.Length; i += 4)
        {
            text.Append(lower.AsSpan(i, Math.Min(4, lower.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd();
    }
}
