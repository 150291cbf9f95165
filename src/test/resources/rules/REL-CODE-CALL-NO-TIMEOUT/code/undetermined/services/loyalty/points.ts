// The axios request config is a parameter: whether it sets a timeout cannot be told from this file.
import axios, { AxiosRequestConfig } from 'axios';

export async function points(member: string, config: AxiosRequestConfig): Promise<number> {
  const { data } = await axios.get(`https://loyalty.example.com/members/${member}/points`, config);
  return data.points;
}
