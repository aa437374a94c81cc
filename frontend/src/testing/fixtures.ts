import type { Catalog, ProvinceWithDistricts, PublicCompany } from '@/client/types.gen';

export const catalogFixture: Catalog = {
  categories: [
    {
      code: 'exterior',
      name: '외부 관리',
      icon: 'Leaf',
      description: '풀·벌레·눈 치우느라 주말을 다 쓰시나요?',
      sort_order: 1,
      services: [
        { code: 'WEEDING', name: '제초 작업', description: '', category_code: 'exterior', sort_order: 1, booking_status: 'AVAILABLE', is_active: true },
        { code: 'SNOW_REMOVAL', name: '제설 작업', description: '', category_code: 'exterior', sort_order: 2, booking_status: 'PREPARING', is_active: false },
      ],
    },
    {
      code: 'bathroom',
      name: '화장실',
      icon: 'Bath',
      description: '',
      sort_order: 2,
      services: [
        { code: 'BATHROOM_PARTIAL', name: '일부 수리', description: '', category_code: 'bathroom', sort_order: 1, booking_status: 'AVAILABLE', is_active: true },
      ],
    },
  ],
};

export const regionsFixture: ProvinceWithDistricts[] = [
  {
    code: '41',
    name: '경기도',
    short_name: '경기',
    districts: [
      { code: '41820', name: '가평군' },
      { code: '41830', name: '양평군' },
    ],
  },
  { code: '11', name: '서울특별시', short_name: '서울', districts: [{ code: '11110', name: '종로구' }] },
];

export const companyFixture: PublicCompany = {
  name: '전방홈케어',
  phone: '1551-6640',
  address: '경기도 양평군 양평읍 중앙로 1',
  business_number: '123-45-67891',
  representative: '김전방',
  email: 'info@geonbang.com',
  tagline: '전원주택 관리의 새로운 기준',
};
