namespace Caseload.Core.Security;

/// <summary>
/// How long an account waits after wrong passwords or codes (decision 0012). The first <see cref="FreeFailures"/> − 1
/// cost nothing; from the <see cref="FreeFailures"/>th the account waits 30 seconds, doubling with each further failure
/// up to <see cref="Longest"/>: an attacker is slowed to a handful of guesses an hour, but can never lock a member of
/// staff out for long, and a browser that has signed in to the account before is not held up at all.
/// </summary>
public static class SignInDelay
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    /// <summary>The wait after this many failures in a row (none below <see cref="FreeFailures"/>).</summary>
    public static TimeSpan After(int failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(failures - FreeFailures, 16);
        var wait = First * (1L << doublings);
        return wait < Longest ? wait : Longest;
    }
}
