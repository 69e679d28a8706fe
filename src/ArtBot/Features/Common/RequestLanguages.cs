using ArtBot.Domain.Text;

namespace ArtBot.Features.Common;

/// <summary>The tab pages' APIs answer in the language the page's browser asks for (Accept-Language), else English.</summary>
public static class RequestLanguages
{
    public static void Use(IApplicationBuilder paths)
    {
        var cultures = Languages.Supported.SelectMany(code => new[] { code, Languages.Resolve(code).Name }).ToArray();
        paths.UseRequestLocalization(options => options.SetDefaultCulture(Languages.English.Name).AddSupportedCultures(cultures).AddSupportedUICultures(cultures));
    }
}
