using System.Net;
using System.Threading;
class Legacy {
  string Pull(HttpWebRequest given) {
    var request = (HttpWebRequest)WebRequest.Create("https://feed.example.com/");
    request.Timeout = Timeout.Infinite;
    request.ReadWriteTimeout = 5000;
    var other = WebRequest.CreateHttp($"https://{host}/x") as HttpWebRequest;
    other.BeginGetResponse(null, null);
    given.GetResponse();
    using (var client = new WebClient()) { client.DownloadStringTaskAsync("http://a/"); }
    return request.GetResponse().ToString();
  }
}
