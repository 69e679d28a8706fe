using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;

namespace ArtBot.Storage.Tables;

/// <summary>
/// A dynamic entity: a dictionary of property names to values (string, int, long, double, bool, DateTimeOffset,
/// Guid, byte[]), plus the keys, Timestamp and ETag.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Same name as Azure.Data.Tables.")]
public sealed class TableEntity : IDictionary<string, object?>, ITableEntity
{
    internal const string ETagKey = "odata.etag";
    private readonly Dictionary<string, object?> _properties;

    public TableEntity() => _properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
        : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public TableEntity(IDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _properties = new(values, StringComparer.Ordinal);
    }

    public string PartitionKey
    {
        get => GetString(nameof(PartitionKey)) ?? string.Empty;
        set => _properties[nameof(PartitionKey)] = value;
    }

    public string RowKey
    {
        get => GetString(nameof(RowKey)) ?? string.Empty;
        set => _properties[nameof(RowKey)] = value;
    }

    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(nameof(Timestamp));
        set => _properties[nameof(Timestamp)] = value;
    }

    public ETag ETag
    {
        get => _properties.TryGetValue(ETagKey, out var v) && v is string s ? new ETag(s) : default;
        set => _properties[ETagKey] = value == default ? null : value.ToString();
    }

    public ICollection<string> Keys => _properties.Keys;

    public ICollection<object?> Values => _properties.Values;

    public int Count => _properties.Count;

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    public object? this[string key]
    {
        get => _properties.TryGetValue(key, out var v) ? v : null;
        set => _properties[key] = value;
    }

    public string? GetString(string key) => Get<string>(key);

    public int? GetInt32(string key) => GetValue(key) switch
    {
        null => null,
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        var other => throw Mismatch(key, other, "Int32"),
    };

    public long? GetInt64(string key) => GetValue(key) switch
    {
        null => null,
        long l => l,
        int i => i,
        var other => throw Mismatch(key, other, "Int64"),
    };

    public double? GetDouble(string key) => GetValue(key) switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        var other => throw Mismatch(key, other, "Double"),
    };

    public bool? GetBoolean(string key) => GetNullable<bool>(key);

    public DateTimeOffset? GetDateTimeOffset(string key) => GetValue(key) switch
    {
        null => null,
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(TableEntitySerializer.AsUtc(dt)),
        var other => throw Mismatch(key, other, "DateTimeOffset"),
    };

    public DateTime? GetDateTime(string key) => GetDateTimeOffset(key)?.UtcDateTime;

    public Guid? GetGuid(string key) => GetNullable<Guid>(key);

    public byte[]? GetBinary(string key) => GetValue(key) switch
    {
        null => null,
        byte[] b => b,
        BinaryData d => d.ToArray(),
        var other => throw Mismatch(key, other, "Binary"),
    };

    public void Add(string key, object? value) => _properties.Add(key, value);

    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    public bool Remove(string key) => _properties.Remove(key);

    public bool TryGetValue(string key, out object? value) => _properties.TryGetValue(key, out value);

    public void Clear() => _properties.Clear();

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    private object? GetValue(string key) => _properties.TryGetValue(key, out var v) ? v : null;

    private T? Get<T>(string key)
        where T : class => GetValue(key) switch
        {
            null => null,
            T t => t,
            var other => throw Mismatch(key, other, typeof(T).Name),
        };

    private T? GetNullable<T>(string key)
        where T : struct => GetValue(key) switch
        {
            null => null,
            T t => t,
            var other => throw Mismatch(key, other, typeof(T).Name),
        };

    private static InvalidOperationException Mismatch(string key, object value, string wanted) =>
        new($"Property '{key}' holds a {value.GetType().Name}, not a {wanted}.");
}
