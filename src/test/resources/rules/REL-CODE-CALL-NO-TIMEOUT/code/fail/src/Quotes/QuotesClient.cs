using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Quotes
{
    /// <summary>Calls the quotes API through an HttpClient whose timeout is switched off.</summary>
    public class QuotesClient
    {
        private static readonly HttpClient Http = new HttpClient // relplan:evidence
        {
            Timeout = Timeout.InfiniteTimeSpan, // relplan:evidence
        };

        public Task<string> Latest(string symbol) =>
            Http.GetStringAsync("https://quotes.example.com/v1/" + symbol); // relplan:finding
    }
}
