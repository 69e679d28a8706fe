using System.Security.Cryptography;
using System.Text;

namespace ArtBot.Storage.Tables;

/// <summary>An account name and key for Shared Key signing. The key is never exposed or logged.</summary>
public class TableSharedKeyCredential
{
    private byte[] _key;

    public TableSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        AccountName = accountName;
        _key = DecodeKey(accountKey);
    }

    public string AccountName { get; }

    /// <summary>Rotates the key used for later requests.</summary>
    public void SetAccountKey(string accountKey) => _key = DecodeKey(accountKey);

    public override string ToString() => $"{nameof(TableSharedKeyCredential)}({AccountName})";

    internal string ComputeSignature(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

    private static byte[] DecodeKey(string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        try
        {
            return Convert.FromBase64String(accountKey);
        }
        catch (FormatException)
        {
            // Do not echo the key.
            throw new ArgumentException("The account key is not valid base64.", nameof(accountKey));
        }
    }
}
