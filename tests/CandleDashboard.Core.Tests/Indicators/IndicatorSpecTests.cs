using CandleDashboard.Core.Indicators;

namespace CandleDashboard.Core.Tests.Indicators;

/// <summary>What a client may ask for and what it is told when the request is wrong (the API will answer these messages as 400s).</summary>
public sealed class IndicatorSpecTests
{
    [Theory]
    [InlineData("ema(21)", "ema(21)", 21)]
    [InlineData("EMA ( 21 )", "ema(21)", 21)]
    [InlineData("ema", "ema(20)", 20)]
    [InlineData("ema()", "ema(20)", 20)]
    [InlineData("ema(period=21)", "ema(21)", 21)]
    [InlineData("sma(200)", "sma(200)", 200)]
    [InlineData("wma(1)", "wma(1)", 1)]
    [InlineData("rsi", "rsi(14)", 15)]
    [InlineData("rsi(2)", "rsi(2)", 3)]
    [InlineData("atr", "atr(14)", 14)]
    [InlineData("volume_sma(7)", "volume_sma(7)", 7)]
    [InlineData("bollinger", "bollinger(20,2)", 20)]
    [InlineData("bollinger(20, 2.50)", "bollinger(20,2.5)", 20)]
    [InlineData("bollinger(k=3)", "bollinger(20,3)", 20)]
    [InlineData("macd", "macd(12,26,9)", 34)]
    [InlineData("macd(5,35,5)", "macd(5,35,5)", 39)]
    [InlineData("macd(signal=4, fast=3, slow=7)", "macd(3,7,4)", 10)]
    [InlineData("vwap", "vwap", 1)]
    [InlineData(" avwap ", "avwap", 1)]
    public void Valid_text_gives_a_canonical_spec_with_its_warm_up(string text, string canonical, int warmUp)
    {
        var check = IndicatorSpec.Check(text);

        Assert.True(check.IsValid, check.Message);
        Assert.Equal(canonical, check.Spec!.Text);
        Assert.Equal(warmUp, check.Spec.WarmUpPeriod);
        Assert.Equal(check.Spec, IndicatorSpec.Parse(canonical));
        Assert.Equal(check.Spec.GetHashCode(), IndicatorSpec.Parse(canonical).GetHashCode());
    }

    [Theory]
    [InlineData(null, IndicatorProblem.MissingName, "Indicator is required, e.g. ema(21). Available indicators: sma, ema, wma, vwap, avwap, bollinger, rsi, macd, atr, volume_sma.")]
    [InlineData("  ", IndicatorProblem.MissingName, "Indicator is required, e.g. ema(21). Available indicators: sma, ema, wma, vwap, avwap, bollinger, rsi, macd, atr, volume_sma.")]
    [InlineData("ichimoku(9)", IndicatorProblem.UnknownIndicator, "Unknown indicator 'ichimoku'. Available indicators: sma, ema, wma, vwap, avwap, bollinger, rsi, macd, atr, volume_sma.")]
    [InlineData("ema(21", IndicatorProblem.Malformed, "Indicator 'ema?21' is not valid: expected a name with optional parameters in parentheses, e.g. ema(21), bollinger(20,2) or macd(fast=12,slow=26,signal=9).")]
    [InlineData("ema)21(", IndicatorProblem.Malformed, "Indicator 'ema?21?' is not valid: expected a name with optional parameters in parentheses, e.g. ema(21), bollinger(20,2) or macd(fast=12,slow=26,signal=9).")]
    [InlineData("<script>(1)", IndicatorProblem.Malformed, "Indicator '?script??1?' is not valid: expected a name with optional parameters in parentheses, e.g. ema(21), bollinger(20,2) or macd(fast=12,slow=26,signal=9).")]
    [InlineData("ema(21,3)", IndicatorProblem.TooManyParameters, "ema takes 1 parameter (period), not 2.")]
    [InlineData("macd(1,2,3,4)", IndicatorProblem.TooManyParameters, "macd takes 3 parameters (fast, slow, signal), not 4.")]
    [InlineData("vwap(5)", IndicatorProblem.TooManyParameters, "vwap takes no parameters.")]
    [InlineData("ema(length=21)", IndicatorProblem.UnknownParameter, "ema has no parameter 'length'. Its parameters: period.")]
    [InlineData("ema(21,period=22)", IndicatorProblem.UnknownParameter, "Parameter 'period' of ema is given twice.")]
    [InlineData("ema(abc)", IndicatorProblem.InvalidParameter, "Parameter 'period' of ema must be a whole number from 1 to 1000; 'abc' is not.")]
    [InlineData("ema(21.5)", IndicatorProblem.InvalidParameter, "Parameter 'period' of ema must be a whole number from 1 to 1000; '21.5' is not.")]
    [InlineData("ema(1e3)", IndicatorProblem.InvalidParameter, "Parameter 'period' of ema must be a whole number from 1 to 1000; '1e3' is not.")]
    [InlineData("ema(,)", IndicatorProblem.TooManyParameters, "ema takes 1 parameter (period), not 2.")]
    [InlineData("ema( )", IndicatorProblem.None, "")]
    [InlineData("ema(period=)", IndicatorProblem.InvalidParameter, "Parameter 'period' of ema must be a whole number from 1 to 1000; '' is not.")]
    [InlineData("ema(0)", IndicatorProblem.ParameterOutOfRange, "Parameter 'period' of ema must be a whole number from 1 to 1000; 0 is out of range.")]
    [InlineData("sma(1001)", IndicatorProblem.ParameterOutOfRange, "Parameter 'period' of sma must be a whole number from 1 to 1000; 1001 is out of range.")]
    [InlineData("rsi(-14)", IndicatorProblem.ParameterOutOfRange, "Parameter 'period' of rsi must be a whole number from 1 to 1000; -14 is out of range.")]
    [InlineData("bollinger(1)", IndicatorProblem.ParameterOutOfRange, "Parameter 'period' of bollinger must be a whole number from 2 to 1000; 1 is out of range.")]
    [InlineData("bollinger(20,0)", IndicatorProblem.ParameterOutOfRange, "Parameter 'k' of bollinger must be a number from 0.1 to 10; 0 is out of range.")]
    [InlineData("bollinger(20,2,5)", IndicatorProblem.TooManyParameters, "bollinger takes 2 parameters (period, k), not 3.")]
    [InlineData("bollinger(k=2,5)", IndicatorProblem.Malformed, "Values without a name must come before named ones: bollinger takes them in the order period, k.")]
    [InlineData("macd(26,12,9)", IndicatorProblem.InconsistentParameters, "macd's fast period (26) must be shorter than its slow period (12).")]
    [InlineData("macd(fast=26)", IndicatorProblem.InconsistentParameters, "macd's fast period (26) must be shorter than its slow period (26).")]
    public void Invalid_text_is_refused_with_a_message_naming_the_problem(string? text, IndicatorProblem problem, string message)
    {
        var check = IndicatorSpec.Check(text);

        Assert.Equal(problem, check.Problem);
        Assert.Equal(message, check.Message);
        Assert.Equal(problem == IndicatorProblem.None, check.IsValid);
    }

    [Fact]
    public void Long_or_hostile_input_is_echoed_at_most_32_characters_with_anything_odd_shown_as_a_question_mark()
    {
        var check = IndicatorSpec.Check("sma(" + new string('9', 40) + ")");
        Assert.Equal(IndicatorProblem.InvalidParameter, check.Problem);
        Assert.Equal("Parameter 'period' of sma must be a whole number from 1 to 1000; '" + new string('9', 32) + "…' is not.", check.Message);

        check = IndicatorSpec.Check(new string('x', 101));
        Assert.Equal(IndicatorProblem.Malformed, check.Problem);
        Assert.Equal($"Indicator '{new string('x', 32)}…' is longer than 100 characters.", check.Message);

        check = IndicatorSpec.Check("rsi", [new("per\u0000iod", "14")]);
        Assert.Equal("rsi has no parameter 'per?iod'. Its parameters: period.", check.Message);
    }

    [Fact]
    public void The_api_form_takes_a_name_and_named_parameters()
    {
        var check = IndicatorSpec.Check("Bollinger", [new("period", "30"), new("K", "2.5")]);
        Assert.True(check.IsValid, check.Message);
        Assert.Equal("bollinger(30,2.5)", check.Spec!.Text);
        Assert.Equal(30m, check.Spec["period"]);
        Assert.Equal(2.5m, check.Spec["k"]);

        Assert.Equal("ema(20)", IndicatorSpec.Check("ema", null).Spec!.Text);
        Assert.Equal(
            "Indicator name is required, e.g. ema. Available indicators: sma, ema, wma, vwap, avwap, bollinger, rsi, macd, atr, volume_sma.",
            IndicatorSpec.Check(null, [new("period", "21")]).Message);
        Assert.Equal(
            "Unknown indicator 'stoch'. Available indicators: sma, ema, wma, vwap, avwap, bollinger, rsi, macd, atr, volume_sma.",
            IndicatorSpec.Check("stoch", []).Message);
        Assert.Equal(
            "Parameter 'period' of ema must be a whole number from 1 to 1000; '' is not.",
            IndicatorSpec.Check("ema", [new("period", null)]).Message);
        Assert.Equal(
            "vwap takes no parameters; 'period' is not one.",
            IndicatorSpec.Check("vwap", [new("period", "5")]).Message);
        Assert.Equal(
            "Parameter 'period' of ema is given twice.",
            IndicatorSpec.Check("ema", [new("period", "5"), new("PERIOD", "6")]).Message);
    }

    [Fact]
    public void Code_creates_specs_with_the_same_rules()
    {
        Assert.Equal("macd(12,26,9)", IndicatorSpec.Create(IndicatorKind.Macd).Text);
        Assert.Equal("bollinger(10,2)", IndicatorSpec.Create(IndicatorKind.Bollinger, 10).Text);
        var error = Assert.Throws<ArgumentException>(() => IndicatorSpec.Create(IndicatorKind.Sma, 0));
        Assert.StartsWith("Parameter 'period' of sma must be a whole number from 1 to 1000; 0 is out of range.", error.Message);
        var format = Assert.Throws<FormatException>(() => IndicatorSpec.Parse("nope"));
        Assert.StartsWith("Unknown indicator 'nope'.", format.Message);
        Assert.Throws<ArgumentException>(() => new SimpleMovingAverage(0));
    }

    [Fact]
    public void Equal_specs_compute_the_same_thing_and_different_ones_differ()
    {
        Assert.Equal(IndicatorSpec.Parse("bollinger(20,2.0)"), IndicatorSpec.Parse("BOLLINGER"));
        Assert.NotEqual(IndicatorSpec.Parse("sma(20)"), IndicatorSpec.Parse("volume_sma(20)"));
        Assert.NotEqual(IndicatorSpec.Parse("vwap"), IndicatorSpec.Parse("avwap"));
        Assert.NotEqual(IndicatorSpec.Parse("ema(20)"), IndicatorSpec.Parse("ema(21)"));
        Assert.Single(new[] { "ema", "ema(20)", "EMA(period=20)" }.Select(IndicatorSpec.Parse).Distinct());
    }

    [Fact]
    public void Every_kind_has_a_calculator_with_the_specs_warm_up()
    {
        foreach (var kind in IndicatorKind.All)
        {
            var spec = IndicatorSpec.Create(kind);
            var indicator = IndicatorFactory.Create(spec);
            Assert.Equal(spec, indicator.Spec);
            Assert.Equal(spec.WarmUpPeriod, indicator.WarmUpPeriod);
            Assert.Equal(kind.Outputs.Count, kind.Name is "bollinger" or "macd" ? 3 : 1);
        }
    }
}
