namespace Caseload.Core.Domain;

/// <summary>A record two people may edit at once: saved only if nobody saved it since it was read.</summary>
public interface IVersioned
{
    /// <summary>Raised by one on every save; the concurrency token (the application's, so SQLite works the same).</summary>
    int Version { get; set; }
}
