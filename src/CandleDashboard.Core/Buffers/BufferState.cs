namespace CandleDashboard.Core.Buffers;

/// <summary>Readiness of one startup candle buffer.</summary>
public enum BufferState
{
    /// <summary>History is being loaded.</summary>
    Loading,

    /// <summary>Loaded; receives each closed candle.</summary>
    Ready,

    /// <summary>Loading failed (every tier and the exchange); the buffer holds only what arrived live until a retry loads it.</summary>
    Degraded,
}
