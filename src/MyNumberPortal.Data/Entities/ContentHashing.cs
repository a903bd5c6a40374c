using System.Security.Cryptography;
using System.Text;

namespace MyNumberPortal.Data.Entities;

/// <summary>The content hash stored with every rule-set version.</summary>
public static class ContentHashing
{
    /// <summary>SHA-256 of the UTF-8 text, 64 lower-case hex digits.</summary>
    public static string Sha256Hex(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
