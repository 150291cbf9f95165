using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace Ratings
{
    /// <summary>Calls the ratings API behind a Polly circuit breaker.</summary>
    public class RatingsClient
    {
        private static readonly HttpClient Http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        private readonly IAsyncPolicy _breaker = Policy.Handle<HttpRequestException>().CircuitBreakerAsync(5, TimeSpan.FromSeconds(30));

        public Task<string> Top() =>
            _breaker.ExecuteAsync(() => Http.GetStringAsync("https://ratings.example.com/top"));
    }
}
