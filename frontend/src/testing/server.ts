import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

import { catalogFixture, companyFixture, regionsFixture } from './fixtures';

export const API = 'http://localhost:3000/api/v1';

export const defaultHandlers = [
  http.get(`${API}/services`, () => HttpResponse.json(catalogFixture)),
  http.get(`${API}/regions/all`, () => HttpResponse.json(regionsFixture)),
  http.get(`${API}/company`, () => HttpResponse.json(companyFixture)),
];

export const server = setupServer(...defaultHandlers);
