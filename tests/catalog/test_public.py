from __future__ import annotations

import httpx


class TestServices:
    async def test_lists_eleven_categories_and_thirty_two_services(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/api/v1/services")
        assert response.status_code == 200
        categories = response.json()["categories"]
        assert len(categories) == 11
        assert sum(len(c["services"]) for c in categories) == 32
        exterior = next(c for c in categories if c["code"] == "exterior")
        assert {s["code"] for s in exterior["services"]} >= {"WEEDING", "SNOW_REMOVAL", "WASP_NEST"}

    async def test_etag_revalidation_answers_304(self, client: httpx.AsyncClient) -> None:
        first = await client.get("/api/v1/services")
        etag = first.headers["etag"]
        assert "max-age" in first.headers["cache-control"]
        again = await client.get("/api/v1/services", headers={"If-None-Match": etag})
        assert again.status_code == 304
        assert again.content == b""

    async def test_types_filtered_by_category(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/api/v1/services/types", params={"category_code": "bathroom"})
        assert [t["code"] for t in response.json()] == ["BATHROOM_PARTIAL", "BATHROOM_FULL"]

    async def test_categories(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/api/v1/services/categories")
        assert len(response.json()) == 11


class TestRegions:
    async def test_seventeen_provinces_with_official_codes(self, client: httpx.AsyncClient) -> None:
        provinces = (await client.get("/api/v1/regions/provinces")).json()
        assert len(provinces) == 17
        assert provinces[0] == {"code": "11", "name": "서울특별시", "short_name": "서울"}

    async def test_all_regions_has_229_districts(self, client: httpx.AsyncClient) -> None:
        regions = (await client.get("/api/v1/regions/all")).json()
        assert sum(len(p["districts"]) for p in regions) == 229
        gyeonggi = next(p for p in regions if p["code"] == "41")
        names = {d["code"]: d["name"] for d in gyeonggi["districts"]}
        assert names["41830"] == "양평군"
        assert names["41820"] == "가평군"
        assert len(gyeonggi["districts"]) == 31

    async def test_districts_of_one_province(self, client: httpx.AsyncClient) -> None:
        districts = (await client.get("/api/v1/regions/provinces/50/districts")).json()
        assert [d["name"] for d in districts] == ["제주시", "서귀포시"]

    async def test_unknown_province_is_404(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/api/v1/regions/provinces/99/districts")
        assert response.status_code == 404
        assert response.json()["code"] == "province_not_found"
