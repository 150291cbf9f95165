using System;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

namespace OrdersApi;

// Three attempts of up to 10 s each: 30 s, past the REST API's 29 s.
public class Function
{
    private static readonly HttpClient Http = new HttpClient
    {
        Timeout = TimeSpan.FromSeconds(10), // relplan:evidence
    };

    public async Task<APIGatewayProxyResponse> Handler(APIGatewayProxyRequest request, ILambdaContext context)
    {
        for (var attempt = 1; attempt <= 3; attempt++) // relplan:evidence
        {
            try
            {
                var order = await Http.GetStringAsync("https://orders.example.com/latest"); // relplan:finding
                return new APIGatewayProxyResponse { StatusCode = 200, Body = order };
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200 * attempt);
            }
        }
        return new APIGatewayProxyResponse { StatusCode = 503 };
    }
}
