using Nacre.Memory;
using Nacre.Testing;

namespace Memory.Tests
{
    public static class SmokeTests
    {
        [Test]
        public static void DescribePrints()
        {
            MemorySystem.Describe();
            Assert.True(PageAllocator.ZoneCount >= 1);
        }
    }
}
