using Nacre.Boot;
using Nacre.Testing;
using Nacre.Timing;

namespace Smp.Tests
{
    /// <summary>The boot timeline (docs/boot.md): every stage up to Main stamped, in order, once.</summary>
    public static unsafe class BootTimelineTests
    {
        [Test]
        public static void StagesUpToMainAreStampedInOrder()
        {
            ulong previous = 0;
            for (BootStage stage = BootStage.Entry; stage <= BootStage.Main; stage++)
            {
                ulong stamp = BootTimeline.Stamp(stage);
                Assert.True(stamp != 0, "every stage before Main has a stamp");
                Assert.True(stamp >= previous, "stages are stamped in boot order");
                previous = stamp;
            }
            Assert.True(previous <= Time.Cycles, "stamps lie in the past");
            // A test image is not served by the HVM's invoke server: Ready never comes.
            if (!Machine.IsHvm) Assert.Equal(0UL, BootTimeline.Stamp(BootStage.Ready), "no Ready outside the HVM's serve mode");
        }

        [Test]
        public static void MarkKeepsTheFirstStamp()
        {
            ulong entry = BootTimeline.Stamp(BootStage.Entry);
            BootTimeline.Mark(BootStage.Entry);
            Assert.Equal(entry, BootTimeline.Stamp(BootStage.Entry), "a stage happens once per boot");
            Assert.Equal(0UL, BootTimeline.Stamp((BootStage)BootTimeline.StageCount), "out-of-range stage");
        }

        [Test]
        public static void PrintsTheBreakdown()
        {
            ulong entry = BootTimeline.Stamp(BootStage.Entry);
            for (BootStage stage = BootStage.Memory; stage <= BootStage.Main; stage++)
                System.Console.WriteLine($"boot timeline: {StageName(stage)} at +{Time.CyclesToNs(BootTimeline.Stamp(stage) - entry) / 1000} us");
        }

        private static string StageName(BootStage stage) => stage switch
        {
            BootStage.Memory => "memory",
            BootStage.Runtime => "runtime",
            BootStage.Devices => "devices",
            BootStage.CpusUp => "cpus up",
            _ => "main",
        };
    }
}
