namespace CandleDashboard.Core.Market;

/// <summary>
/// How any text a client sent is repeated back in a message: at most <see cref="MaxLength"/>
/// characters, and anything but letters, digits, '.', '-' and '_' shown as '?', so hostile input
/// (markup, control characters, very long strings) is never reflected.
/// </summary>
public static class InputEcho
{
    public const int MaxLength = 32;

    public static string Of(string? text)
    {
        if (text is null)
        {
            return "";
        }

        var shown = text.Length <= MaxLength ? text : text[..MaxLength];
        var safe = string.Create(shown.Length, shown, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '?';
            }
        });
        return shown.Length < text.Length ? safe + "…" : safe;
    }
}
