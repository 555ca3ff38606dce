namespace CandleDashboard.Web.Operations.Import;

/// <summary>Where the importer says how far it is (the console's progress bar, or plain lines).</summary>
public interface IImportProgress
{
    void FileStarted(int index, int count, TradeFile file);

    /// <summary>Bytes of the current file consumed so far and trades of the whole run so far.</summary>
    void Advanced(long bytesDone, long trades);

    void FileFinished(TradeFile file, bool alreadyDone);
}
