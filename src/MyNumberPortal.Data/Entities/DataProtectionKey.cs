namespace MyNumberPortal.Data.Entities;

/// <summary>
/// One ASP.NET Core data-protection key, as the XML the key manager writes. Every portal instance sharing the
/// database reads every row, so cookies and antiforgery tokens protected by one instance are accepted by another.
/// Written by <see cref="Infrastructure.DatabaseXmlRepository"/>; never edit or delete rows by hand while instances run.
/// </summary>
public class DataProtectionKey
{
    public int Id { get; set; }

    /// <summary>The key manager's name for the element (<c>key-{guid}</c>, or a revocation's name).</summary>
    public string? FriendlyName { get; set; }

    /// <summary>The key's XML element, as stored by the key manager (unencrypted unless an XML encryptor is configured).</summary>
    public string Xml { get; set; } = "";

    /// <summary>When the row was written (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
