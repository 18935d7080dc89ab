using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Caseload.Core.Domain;
using Microsoft.AspNetCore.Identity;

namespace Caseload.Core.Security;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) that work once: each account remembers the
/// last time step it signed in with, and a code from that step or an earlier one is refused, so a code read over a
/// shoulder or from a proxy's log cannot be replayed. One step either side of now is accepted for clock drift (Identity's
/// own provider accepts two). Codes are checked against the real time, never the demo clock (<c>Clock:Today</c>): the
/// phone's app runs on the real time.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider : IUserTwoFactorTokenProvider<CaseloadUser>
{
    private const string Store = "[Caseload]";
    private const string LastStep = "AuthenticatorLastStep";
    private static readonly TimeProvider RealTime = TimeProvider.System;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<CaseloadUser> manager, CaseloadUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<CaseloadUser> manager, CaseloadUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<CaseloadUser> manager, CaseloadUser user)
    {
        if (token.Length != 6 || !token.All(char.IsAsciiDigit) || await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return false;
        }
        var secret = Base32(key);
        var now = RealTime.GetUtcNow().ToUnixTimeSeconds() / 30;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStep), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        var given = Encoding.ASCII.GetBytes(token);
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step > last && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), given))
            {
                var saved = await manager.SetAuthenticationTokenAsync(user, Store, LastStep, step.ToString(CultureInfo.InvariantCulture));
                return saved.Succeeded;
            }
        }
        return false;
    }

    /// <summary>The code for one time step.</summary>
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, as Identity writes authenticator keys (spaces and padding ignored).</summary>
    public static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
