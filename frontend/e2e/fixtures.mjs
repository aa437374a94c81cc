// Files the flows upload: a real JPEG (a screenshot of a blank page, so the browser can decode and downscale it)
// and a minimal PDF (the server checks the %PDF- magic bytes).

export async function jpegPhoto(browser) {
  const context = await browser.newContext({ viewport: { width: 640, height: 480 } });
  const page = await context.newPage();
  await page.setContent('<body style="margin:0;background:linear-gradient(135deg,#2f7d47,#d8efdd)"><h1 style="font:64px sans-serif;color:#fff;padding:40px">마당 사진</h1></body>');
  const buffer = await page.screenshot({ type: 'jpeg', quality: 80 });
  await context.close();
  return { name: 'yard.jpg', mimeType: 'image/jpeg', buffer };
}

export function registrationPdf() {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return { name: '사업자등록증.pdf', mimeType: 'application/pdf', buffer: Buffer.from(body, 'latin1') };
}

/** A phone number unique to this run (the server rate-limits submissions per phone). */
export function uniquePhone(seed) {
  const tail = String((Date.now() + seed * 7919) % 100_000_000).padStart(8, '0');
  return `010${tail}`;
}
