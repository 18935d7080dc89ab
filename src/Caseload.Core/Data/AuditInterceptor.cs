using System.Globalization;
using System.Text.Json;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Caseload.Core.Data;

/// <summary>Who is making changes through this data context: "staff:12", "cli:jo", "demo". Set by each door.</summary>
public sealed class AuditActor
{
    public string Name { get; set; } = "system";
}

/// <summary>
/// Writes an audit event for every row created, changed or deleted through EF Core, with the values before and
/// after, in the same SaveChanges (so the change and its record commit together). Bulk register marks are kept by
/// their own history trigger and import records instead. Secrets (password hashes, stamps) are never copied.
/// </summary>
public sealed class AuditInterceptor(AuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SigningKey"];
    private readonly List<(AuditEvent Event, EntityEntry Entry)> _new = [];
    private bool _completing;
    private bool _dataChanged;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Complete(eventData.Context))
        {
            eventData.Context!.SaveChanges();
            _completing = false;
        }
        if (!_completing && _dataChanged && eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            _dataChanged = false;
            DataVersion.RaiseNow(context);
        }
        return base.SavedChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Complete(eventData.Context))
        {
            await eventData.Context!.SaveChangesAsync(cancellationToken);
            _completing = false;
        }
        // Raised once committed: inside an explicit transaction (imports) the caller raises it after commit.
        if (!_completing && _dataChanged && eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            _dataChanged = false;
            await DataVersion.RaiseAsync(context, cancellationToken);
        }
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    /// <summary>New rows get their ids from the database: copy them into the audit events written with them.</summary>
    private bool Complete(DbContext? context)
    {
        if (_completing || _new.Count == 0 || context is null)
        {
            return false;
        }
        foreach (var (audit, entry) in _new)
        {
            audit.EntityId = Key(entry);
            if (entry.Entity is Student s)
            {
                audit.StudentId = s.Id;
            }
        }
        _new.Clear();
        _completing = true;
        return true;
    }

    /// <summary>Whether changes to rows of this type are audited: all but the trail itself, import runs (kept as records of
    /// their own), derived summaries, sign-in sessions and data-protection keys.</summary>
    public static bool Audited(Type type) =>
        type != typeof(AuditEvent) && type != typeof(ImportRun) && type != typeof(StudentSummary) && type != typeof(UserSession)
        && type != typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey);

    private void Record(DbContext? context)
    {
        if (context is not CaseloadDbContext db || _completing)
        {
            return;
        }
        db.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Audited(e.Entity.GetType()))
            .ToList();
        // Changes to the school's data (not accounts, keys or the audit trail) make cached views out of date. Student
        // summaries are derived data, not audited, and are rewritten inside the change that caused them.
        _dataChanged |= entries.Any(e => e.Entity.GetType().Namespace == typeof(Student).Namespace);
        foreach (var entry in entries)
        {
            var action = entry.State switch { EntityState.Added => AuditAction.Create, EntityState.Deleted => AuditAction.Delete, _ => AuditAction.Update };
            var changes = Changes(entry);
            if (action == AuditAction.Update && changes.Count == 0)
            {
                continue;
            }
            var audit = new AuditEvent
            {
                InstitutionId = Value<int?>(entry, "InstitutionId"),
                At = now,
                Actor = actor.Name,
                Action = action,
                Entity = entry.Metadata.ClrType.Name,
                // Ids generated by the database are not known yet for new rows; the values identify them.
                EntityId = Key(entry),
                StudentId = entry.Entity is Student s ? (entry.Property(nameof(Student.Id)).IsTemporary ? null : s.Id) : Value<int?>(entry, "StudentId"),
                Changes = JsonSerializer.Serialize(changes),
                Restricted = IsRestricted(entry.Entity),
            };
            db.AuditEvents.Add(audit);
            if (action == AuditAction.Create && audit.EntityId == "(new)")
            {
                _new.Add((audit, entry));
            }
        }
    }

    // A picture (a photo, a logo) is recorded by its size, not copied into the log.
    private static object? Shown(object? value) => value is byte[] bytes ? $"(picture: {bytes.Length:N0} bytes)" : value;

    private static Dictionary<string, object?> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (p.Metadata.IsPrimaryKey() && entry.State == EntityState.Added)
            {
                continue;
            }
            // Authenticator keys and recovery codes are user tokens' values.
            var secret = Secret.Contains(name) || (entry.Entity is Microsoft.AspNetCore.Identity.IdentityUserToken<int> && name == "Value");
            // A safeguarding concern's words stay with the safeguarding team: the audit log says what changed, not what it says.
            var restricted = (entry.Entity is Referral { Restricted: true } && Referral.DetailColumns.Contains(name))
                || (entry.Entity is IRestrictedRecord record && record.RestrictedColumns.Contains(name));
            // A wellbeing case's words stay with the wellbeing team (counselling notes with counsellors).
            var confidential = entry.Entity is IConfidentialRecord c && c.ConfidentialColumns.Contains(name);
            var hidden = secret ? "(secret)" : restricted ? "(restricted)" : confidential ? "(confidential)" : null;
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = hidden ?? Shown(p.CurrentValue);
                    break;
                case EntityState.Deleted:
                    changes[name] = hidden ?? Shown(p.OriginalValue);
                    break;
                default:
                    if (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                    {
                        changes[name] = hidden is null ? new[] { Shown(p.OriginalValue), Shown(p.CurrentValue) } : restricted ? "(restricted)" : "(changed)";
                    }
                    break;
            }
        }
        return changes;
    }

    /// <summary>Records whose very existence is the safeguarding team's alone.</summary>
    internal static bool IsRestricted(object entity) => entity is Referral { Restricted: true } or IRestrictedRecord;

    private static string Key(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }
        if (key.Properties.Any(p => entry.Property(p.Name).IsTemporary))
        {
            return "(new)"; // the database has not given it an id yet
        }
        return string.Join("/", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static T? Value<T>(EntityEntry entry, string property) =>
        entry.Metadata.FindProperty(property) is null ? default : (T?)entry.Property(property).CurrentValue;
}
