using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Caseload.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Caseload.Web.Security;

/// <summary>
/// Data Protection keys (which sign the session cookie and antiforgery tokens) are kept in the database, so they
/// survive restarts and are shared by every instance, and each key is encrypted with a certificate kept outside the
/// database: a copy of the database alone cannot forge a session. Production names the certificate
/// (<c>DataProtection:CertificatePath</c>, <c>DataProtection:CertificatePassword</c>); when none is named, one is made
/// on first run beside the SQLite database (<c>./data/keys/data-protection.pfx</c>, readable by its owner only).
/// </summary>
internal static class KeyProtection
{
    public const string DefaultCertificatePath = "data/keys/data-protection.pfx";

    public static void AddCaseloadDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration["DataProtection:CertificatePath"];
        var password = configuration["DataProtection:CertificatePassword"];
        var certificate = string.IsNullOrWhiteSpace(path) ? LoadOrCreate(DefaultCertificatePath) : Load(path, password);
        services.AddDataProtection()
            .SetApplicationName("Caseload")
            .PersistKeysToDbContext<CaseloadDbContext>()
            .ProtectKeysWithCertificate(certificate)
            .UnprotectKeysWithAnyCertificate(certificate);
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath is '{path}', which does not exist; expected a PKCS#12 (.pfx) file with a private key");
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
    }

    private static X509Certificate2 LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Load(path, null);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Caseload Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        // Fixed, wide dates: the certificate only wraps keys; it is never presented to anyone.
        var from = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var created = request.CreateSelfSigned(from, from.AddYears(100));
        var bytes = created.Export(X509ContentType.Pkcs12);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var file = new FileStream(path, options))
        {
            file.Write(bytes);
        }
        return X509CertificateLoader.LoadPkcs12(bytes, null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
