import http from "k6/http";

export const options = { vus: 50, duration: "5m" };

export default function () {
  http.get("https://staging.example.com/orders");
}
