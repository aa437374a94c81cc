import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { catalogFixture } from '@/testing/fixtures';

import { FilterChips, FilterPanel, ServiceFilter } from './filter-panel';

describe('FilterPanel', () => {
  it('folds its filters away, starts open when some are in use, and says how many', async () => {
    const user = userEvent.setup();
    const { unmount } = render(
      <FilterPanel activeCount={0}>
        <label>
          시/도
          <select />
        </label>
      </FilterPanel>,
    );
    const toggle = screen.getByRole('button', { name: '상세 필터' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByLabelText('시/도')).not.toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByLabelText('시/도')).toBeInTheDocument();
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)).toContainElement(screen.getByLabelText('시/도'));
    unmount();

    render(
      <FilterPanel activeCount={2}>
        <p>필터 내용</p>
      </FilterPanel>,
    );
    expect(screen.getByRole('button', { name: /상세 필터\s*2\s*개 사용 중/ })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('필터 내용')).toBeInTheDocument();
  });
});

describe('FilterChips', () => {
  it('removes one filter per chip and all of them with 모두 지우기', async () => {
    const user = userEvent.setup();
    const cleared: string[] = [];
    let reset = 0;
    render(
      <FilterChips
        chips={[
          { key: 'status', label: '상태: 신규', clear: () => cleared.push('status') },
          { key: 'q', label: '검색: 홍길동', clear: () => cleared.push('q') },
        ]}
        onReset={() => (reset += 1)}
      />,
    );
    const group = screen.getByRole('group', { name: '적용된 필터' });
    await user.click(within(group).getByRole('button', { name: '검색: 홍길동 필터 지우기' }));
    expect(cleared).toEqual(['q']);
    await user.click(within(group).getByRole('button', { name: '모두 지우기' }));
    expect(reset).toBe(1);
  });

  it('renders nothing without active filters', () => {
    const { container } = render(<FilterChips chips={[]} onReset={() => undefined} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('ServiceFilter', () => {
  it('toggles services on and off', async () => {
    const user = userEvent.setup();
    const changes: string[][] = [];
    const first = catalogFixture.categories[0]!.services[0]!;
    const { rerender } = render(<ServiceFilter legend="서비스" categories={catalogFixture.categories} selected={[]} onChange={(s) => changes.push(s)} />);
    await user.click(screen.getByRole('button', { name: first.name }));
    expect(changes.at(-1)).toEqual([first.code]);
    rerender(<ServiceFilter legend="서비스" categories={catalogFixture.categories} selected={[first.code]} onChange={(s) => changes.push(s)} />);
    expect(screen.getByRole('button', { name: first.name })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: first.name }));
    expect(changes.at(-1)).toEqual([]);
  });
});
