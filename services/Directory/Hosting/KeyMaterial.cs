using Coordination.ServiceDefaults.Hosting;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Directory.Hosting;

/// <summary>
/// The sign-in server's two RSA keys: one signs tokens (RS256), the other encrypts codes and refresh tokens.
/// From configuration (PEM text or file); Development alone may generate them, once, outside the repository.
/// </summary>
public sealed record KeyMaterial(RsaSecurityKey Signing, RsaSecurityKey Encryption)
{
    public static KeyMaterial Load(DirectoryOptions options, IHostEnvironment environment)
    {
        var configured = options.SigningKey ?? options.SigningKeyPath ?? options.EncryptionKey ?? options.EncryptionKeyPath;
        if (configured is null && environment.IsDevelopment()) return DevelopmentKeys(options.KeyDirectory);
        return new KeyMaterial(
            Read(options.SigningKey, options.SigningKeyPath, "SigningKey", "signing"),
            Read(options.EncryptionKey, options.EncryptionKeyPath, "EncryptionKey", "encryption"));
    }

    private static RsaSecurityKey Read(string? pem, string? path, string setting, string purpose)
    {
        if (string.IsNullOrWhiteSpace(pem) && string.IsNullOrWhiteSpace(path))
            throw new MissingSettingException($"no {purpose} key: set Directory__{setting} or Directory__{setting}Path");
        if (string.IsNullOrWhiteSpace(pem))
        {
            try { pem = File.ReadAllText(path!); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new MissingSettingException($"cannot read the {purpose} key from Directory:{setting}Path ({path}): {ex.Message}");
            }
        }
        return FromPem(pem, $"Directory:{setting}");
    }

    private static RsaSecurityKey FromPem(string pem, string source)
    {
        var rsa = RSA.Create();
        try { rsa.ImportFromPem(pem); }
        catch (ArgumentException) { throw new MissingSettingException($"{source} is not an RSA private key in PEM form"); }
        catch (CryptographicException) { throw new MissingSettingException($"{source} is not an RSA private key in PEM form"); }
        if (rsa.KeySize < 2048) throw new MissingSettingException($"{source} is {rsa.KeySize} bits; at least 2048 are required");
        try { rsa.ExportParameters(includePrivateParameters: true); }
        catch (CryptographicException) { throw new MissingSettingException($"{source} holds a public key; the private key is required"); }
        var key = new RsaSecurityKey(rsa);
        // A stable key id (the JWK thumbprint), so services cache the published key across restarts.
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    private static KeyMaterial DevelopmentKeys(string? directory)
    {
        directory ??= Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".coordination", "directory");
        System.IO.Directory.CreateDirectory(directory);
        return new KeyMaterial(
            FromPem(GeneratedOnce(Path.Combine(directory, "signing-key.pem")), "the development signing key"),
            FromPem(GeneratedOnce(Path.Combine(directory, "encryption-key.pem")), "the development encryption key"));
    }

    private static string GeneratedOnce(string path)
    {
        if (File.Exists(path)) return File.ReadAllText(path);
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // mode 600: a private key
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream)) writer.Write(pem);
        return pem;
    }
}
