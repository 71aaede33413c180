import { render, screen } from '@testing-library/react-native';
import { ColorSwatch } from './ColorSwatch';

describe('ColorSwatch', () => {
  it('shows the colour name beside the swatch, drawn in the named fill', () => {
    render(<ColorSwatch color="#1f87e4" />);
    expect(screen.getByText('blue')).toBeTruthy();
  });

  it('names a climb with no colour as such', () => {
    render(<ColorSwatch color={null} />);
    expect(screen.getByText('no colour')).toBeTruthy();
  });

  it('with the name hidden, still names the colour to screen readers', () => {
    render(<ColorSwatch color="#e53935" nameHidden />);
    expect(screen.queryByText('red')).toBeNull();
    expect(screen.getByRole('img', { name: 'Colour: red' })).toBeTruthy();
  });
});
