import { isPictureFileName, pictureFileName, planPictures } from './picturePlan';

describe('planPictures', () => {
  it('fetches only the wanted pictures not kept yet, each once, in order', () => {
    expect(planPictures(['/a', '/b', '/c', '/b'], ['/b'])).toEqual({
      fetch: ['/a', '/c'],
      evict: [],
    });
  });

  it('drops the copies no layout shows any more, and keeps the rest', () => {
    expect(planPictures(['/new'], ['/old', '/new'])).toEqual({ fetch: [], evict: ['/old'] });
  });

  it('with nothing wanted (no layout has a picture) drops every copy', () => {
    expect(planPictures([], ['/a', '/b'])).toEqual({ fetch: [], evict: ['/a', '/b'] });
  });

  it('has nothing to do when the device holds exactly what is wanted', () => {
    expect(planPictures(['/a', '/b'], ['/b', '/a'])).toEqual({ fetch: [], evict: [] });
  });
});

describe('pictureFileName', () => {
  it('is stable, distinct per url and a safe file name', () => {
    const a = pictureFileName('/wall-pictures/abc');
    expect(pictureFileName('/wall-pictures/abc')).toBe(a);
    expect(pictureFileName('/wall-pictures/abd')).not.toBe(a);
    expect(pictureFileName('http://other.test/wall-pictures/abc')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{14}\.picture$/);
    expect(isPictureFileName(a)).toBe(true);
  });

  it('tells finished copies from anything else in the folder', () => {
    expect(isPictureFileName(`${pictureFileName('/x')}.part`)).toBe(false);
    expect(isPictureFileName('notes.txt')).toBe(false);
  });

  it('does not collide over many urls', () => {
    const names = new Set(
      Array.from({ length: 5000 }, (_, i) => pictureFileName(`/wall-pictures/${i}`)),
    );
    expect(names.size).toBe(5000);
  });
});
