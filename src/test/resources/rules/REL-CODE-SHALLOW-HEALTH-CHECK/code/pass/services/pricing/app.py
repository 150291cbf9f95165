"""FastAPI service whose readiness check queries its database."""
from fastapi import FastAPI, Response

from .db import pool

api = FastAPI()


@api.get("/ready")
async def ready(response: Response):
    async with pool.acquire() as conn:
        await conn.fetchval("SELECT 1")
    return {"status": "ok"}
