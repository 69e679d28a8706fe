namespace ArtBot.Storage.Tables;

/// <summary>A table of the account.</summary>
public class TableItem(string name)
{
    public string Name { get; } = name;
}
