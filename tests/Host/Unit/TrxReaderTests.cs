using System.Xml.Linq;
using Nacre.Host.Testing;

namespace Nacre.Host.Tests.Unit;

public sealed class TrxReaderTests
{
    private const string Trx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            <UnitTestResult testName="A.Passes" outcome="Passed" />
            <UnitTestResult testName="A.Fails" outcome="Failed">
              <Output><ErrorInfo><Message>Assert.Equal() Failure
        Expected: 1</Message></ErrorInfo></Output>
            </UnitTestResult>
            <UnitTestResult testName="A.Skipped" outcome="NotExecuted" />
          </Results>
          <ResultSummary outcome="Failed">
            <RunInfos><RunInfo outcome="Error"><Text>The active test run was aborted.</Text></RunInfo></RunInfos>
          </ResultSummary>
        </TestRun>
        """;

    [Fact]
    public void CountsOutcomesAndKeepsMessages()
    {
        var results = TrxReader.Parse(XDocument.Parse(Trx));

        Assert.Equal((1, 1, 1), (results.Passed, results.Failed, results.Skipped));
        Assert.Equal("Assert.Equal() Failure | Expected: 1", results.Cases.Single(c => !c.Passed).Message);
        Assert.Equal(["The active test run was aborted."], results.RunErrors);
    }

    [Fact]
    public void TotalsLineHasTheCiFormat()
    {
        Assert.Equal("3 passed, 1 failed", new TestTotals(3, 1, 0).ToString());
        Assert.Equal("3 passed, 0 failed, 2 skipped", new TestTotals(3, 0, 2).ToString());
    }
}
