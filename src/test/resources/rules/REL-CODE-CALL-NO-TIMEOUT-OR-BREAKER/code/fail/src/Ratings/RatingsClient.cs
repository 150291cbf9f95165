using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace Ratings
{
    /// <summary>Retries the ratings API, whose client never times out, without a circuit breaker.</summary>
    public class RatingsClient
    {
        private static readonly HttpClient Http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        private readonly IAsyncPolicy _retry = Policy.Handle<HttpRequestException>().WaitAndRetryAsync(3, i => TimeSpan.FromSeconds(i));

        public Task<string> Top() =>
            _retry.ExecuteAsync(() => Http.GetStringAsync("https://ratings.example.com/top")); // relplan:finding
    }
}
