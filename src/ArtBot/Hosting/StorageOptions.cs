namespace ArtBot.Hosting;

/// <summary>
/// <c>Storage:ConnectionString</c> (any Azure Storage connection string, <c>UseDevelopmentStorage=true</c> included)
/// or <c>Storage:TableEndpoint</c> (https, used with the bot's Entra ID identity). In local-development mode with
/// neither set, Azurite's default endpoint is used.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public string? ConnectionString { get; set; }
    public string? TableEndpoint { get; set; }
}
