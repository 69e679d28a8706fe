namespace ArtBot.Storage.Tables;

/// <summary>How an update treats properties that the sent entity does not carry.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep properties that the sent entity does not carry.</summary>
    Merge = 0,

    /// <summary>Replace the stored entity with the sent one.</summary>
    Replace = 1,
}
