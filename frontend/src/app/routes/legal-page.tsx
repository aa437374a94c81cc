import type { ReactNode } from 'react';

export interface LegalArticle {
  title: string;
  body?: ReactNode;
  items?: ReactNode[];
}

/** Shared frame of /privacy and /terms. */
export function LegalPage({ title, intro, articles, effective }: { title: string; intro: ReactNode; articles: LegalArticle[]; effective: string }) {
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-12 text-lg leading-relaxed text-slate-800">
      <h1 className="text-4xl font-extrabold text-slate-900">{title}</h1>
      <p>{intro}</p>
      {articles.map((a, i) => (
        <section key={a.title} aria-labelledby={`art-${i}`} className="flex flex-col gap-2">
          <h2 id={`art-${i}`} className="text-xl font-bold text-slate-900">
            제{i + 1}조 ({a.title})
          </h2>
          {a.body && <div>{a.body}</div>}
          {a.items && (
            <ul className="list-disc pl-6">
              {a.items.map((item, j) => (
                <li key={j}>{item}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <p className="border-t border-slate-200 pt-4 text-base text-slate-600">{effective}</p>
    </article>
  );
}
