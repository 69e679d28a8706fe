using ArtBot.BotFramework;
using Microsoft.Extensions.Options;

namespace ArtBot.Hosting;

/// <summary>Runs <see cref="BotSettingsValidator"/> when the host starts (ValidateOnStart).</summary>
public sealed class BotSettingsValidation(IOptions<StorageOptions> storage) : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var errors = BotSettingsValidator.Validate(options, storage.Value);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
