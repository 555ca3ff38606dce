namespace CandleDashboard.Web.Admin;

/// <summary>
/// <c>hash-password</c>: reads a password (twice, unechoed, on a terminal; one line when piped) and
/// prints the <see cref="PasswordHash"/> to put in Admin:PasswordHash. The password never appears
/// on the command line, so it stays out of shell history and process lists.
/// Wire-up (Program.cs): <c>if (args is ["hash-password"]) return AdminPasswordCommand.Run(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected);</c>
/// </summary>
public static class AdminPasswordCommand
{
    public const int MinimumLength = 12;

    public static int Run(TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        var password = interactive ? ReadHidden(error, "Password: ") : input.ReadLine();
        if (interactive && password != ReadHidden(error, "Repeat:   "))
        {
            error.WriteLine("The passwords differ; nothing was hashed.");
            return 1;
        }

        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            error.WriteLine($"Use at least {MinimumLength} characters.");
            return 1;
        }

        output.WriteLine(PasswordHash.Create(password));
        return 0;
    }

    private static string ReadHidden(TextWriter prompt, string label)
    {
        prompt.Write(label);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                prompt.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                text.Length = Math.Max(0, text.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
