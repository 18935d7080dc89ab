using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Caseload.WebTests;

/// <summary>What an authenticator app does (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), written from the RFC.</summary>
internal static class Totp
{
    private static readonly Dictionary<string, long> LastUsed = [];

    /// <summary>
    /// A code the server has not seen for this key: each step works once (as the app checks), so a second sign-in within
    /// the same 30 seconds takes the next step (accepted one step early), and a third waits for time to move on.
    /// </summary>
    public static async Task<string> FreshAsync(string base32Key)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            lock (LastUsed)
            {
                var step = Math.Max(now, LastUsed.GetValueOrDefault(base32Key, long.MinValue) + 1);
                if (step <= now + 1)
                {
                    LastUsed[base32Key] = step;
                    return Code(base32Key, DateTimeOffset.FromUnixTimeSeconds(step * 30));
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
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
