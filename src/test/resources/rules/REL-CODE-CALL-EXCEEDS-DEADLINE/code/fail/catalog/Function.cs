using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

namespace Catalog;

// HttpClient's default Timeout is 100 s, far beyond the REST API's 29 s.
public class Function
{
    private static readonly HttpClient Http = new HttpClient(); // relplan:evidence

    public async Task<APIGatewayProxyResponse> Handler(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var items = await Http.GetStringAsync("https://catalog.example.com/items"); // relplan:finding
        return new APIGatewayProxyResponse { StatusCode = 200, Body = items };
    }
}
